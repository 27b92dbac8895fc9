package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A row whose evidence contradicts what it claims to measure ({@code io.isobench.evidence}): an O_DIRECT read that did
 * not reach the device, huge pages asked for and not given, two threads said to run on two CPUs that shared one. Its
 * number measures something else than its name says; a comparison should not set it against another environment's.
 * Since 2.3.
 *
 * @param benchmark the JMH benchmark ({@code io.isobench.fileio.DirectRandomReadBenchmark.oDirect})
 * @param params the row's JMH parameters, as in jmh.json (empty when it has none)
 * @param evidence the evidence's name: {@code deviceReadBytesPerOp}, {@code minorFaultsPerOp}, {@code hugePageCoverage}
 *                 or {@code sameCpuFraction}; each is the sum of one secondary metric of the row over the sum of another
 * @param value the evidence over all forks, or null when no fork had anything to divide by
 * @param forks each fork's value, in the order of the row's rawData (null for a fork with nothing to divide by)
 * @param claim the bound the row claims and what it means, e.g. {@code deviceReadBytesPerOp >= 3686.4: each read
 *              reaches the block device}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contradiction(String benchmark, Map<String, String> params, String evidence, Double value,
                           List<Double> forks, String claim) {

    public Contradiction {
        benchmark = benchmark == null ? "" : benchmark;
        params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
        forks = forks == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(forks));
    }
}
