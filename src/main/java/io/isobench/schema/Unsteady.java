package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A row that was still moving while it was measured: its warm-up did not reach a steady state. The rule: with two or
 * more measured iterations per fork, each fork's change is {@code (last - first) / first} of the primary metric (a
 * sample-mode iteration counts as its mean); a row is unsteady when the change exceeds 10 % in at least 80 % of its forks
 * (in all of them below five forks), in the same direction, and in no fork by more than 10 % the other way. Since 2.3.
 *
 * @param benchmark the JMH benchmark
 * @param params the row's JMH parameters (empty when it has none)
 * @param firstToLast the median of the forks' changes (negative: the last iteration scored lower)
 * @param forks each fork's change, in the order of the row's rawData (null for a fork with fewer than two iterations)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Unsteady(String benchmark, Map<String, String> params, double firstToLast, List<Double> forks) {

    public Unsteady {
        benchmark = benchmark == null ? "" : benchmark;
        params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
        forks = forks == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(forks));
    }
}
