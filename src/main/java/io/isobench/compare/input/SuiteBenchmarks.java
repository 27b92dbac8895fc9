package io.isobench.compare.input;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/** The benchmarks of this build's suite, by fully qualified name, from the list JMH's annotation processor wrote. */
public final class SuiteBenchmarks {

    private SuiteBenchmarks() {
    }

    /** Every benchmark method of the suite ({@code io.isobench.netstack.TcpConnectBenchmark.connect}); empty without a list. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        try (InputStream in = SuiteBenchmarks.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            if (in != null) {
                for (BenchmarkListEntry entry : BenchmarkList.readBenchmarkList(in)) {
                    names.add(entry.getUsername());
                }
            }
        } catch (IOException e) {
            // No list to check against: the inputs alone are.
        }
        return names;
    }
}
