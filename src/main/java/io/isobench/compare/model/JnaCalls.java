package io.isobench.compare.model;

import io.isobench.compare.input.BenchmarkKey;
import io.isobench.suite.Area;

import java.util.Map;

/**
 * How many JNA calls one operation of a syscall benchmark makes, read from its source under
 * {@code io.isobench.syscall}: the net of JNA subtracts that many JNA baselines ({@link BenchmarkKey#JNA_BASELINE}).
 * Benchmark methods named {@code libc...} or {@code raw...} make one call unless listed here; the {@code java...}
 * ones use the JDK and make none.
 */
final class JnaCalls {

    /** The methods that make more than one JNA call per operation. */
    private static final Map<String, Integer> MORE_THAN_ONE = Map.of(
            "io.isobench.syscall.FileOpenCloseBenchmark.libcOpenClose", 2); // open, then close

    private JnaCalls() {
    }

    /** The JNA calls per operation of a benchmark; 0 for the harness baseline itself and for non-JNA methods. */
    static int of(BenchmarkKey key) {
        if (key.isJnaBaseline() || key.area() != Area.SYSCALL) {
            return 0;
        }
        String method = key.benchmark().substring(key.benchmark().lastIndexOf('.') + 1);
        if (!method.startsWith("libc") && !method.startsWith("raw")) {
            return 0;
        }
        return MORE_THAN_ONE.getOrDefault(key.benchmark(), 1);
    }
}
