package io.isobench.compare.input;

import io.isobench.suite.Area;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What makes two results the same benchmark: the fully qualified name, the mode and the parameters. */
public record BenchmarkKey(String benchmark, String mode, SortedMap<String, String> params)
        implements Comparable<BenchmarkKey> {

    /** The JNA harness baseline that syscall rows are shown net of. */
    public static final String JNA_BASELINE = "io.isobench.syscall.JnaCallBenchmark.libcAbs";

    private static final Comparator<BenchmarkKey> ORDER = Comparator
            .comparing((BenchmarkKey k) -> k.area().ordinal())
            .thenComparing(BenchmarkKey::benchmark)
            .thenComparing(BenchmarkKey::mode)
            .thenComparing(BenchmarkKey::paramsText);

    public BenchmarkKey {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params == null ? Map.of() : params));
    }

    public Area area() {
        return Area.of(benchmark);
    }

    /** {@code Class.method}, without the package. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return type < 0 ? benchmark : benchmark.substring(type + 1);
    }

    /** {@code a=1, b=x}, or empty when there are no parameters. */
    public String paramsText() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    public boolean isJnaBaseline() {
        return JNA_BASELINE.equals(benchmark);
    }

    @Override
    public int compareTo(BenchmarkKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return benchmark + " (" + mode + (params.isEmpty() ? "" : ", " + paramsText()) + ")";
    }
}
