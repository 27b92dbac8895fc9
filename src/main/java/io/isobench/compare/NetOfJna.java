package io.isobench.compare;

/**
 * A syscall row net of the JNA harness baseline ({@link BenchmarkKey#JNA_BASELINE}) of the same environment, in
 * nanoseconds per operation: score minus that environment's libcAbs score, on both sides, and the ratio of the
 * net values (NaN when the baseline's net value is not positive).
 */
public record NetOfJna(double score, double baselineScore, double ratio) {

    public static NetOfJna of(double scoreNs, double jnaNs, double baselineNs, double baselineJnaNs) {
        double net = scoreNs - jnaNs;
        double netBase = baselineNs - baselineJnaNs;
        double ratio = netBase > 0 && net > 0 ? net / netBase : Double.NaN;
        return new NetOfJna(net, netBase, ratio);
    }
}
