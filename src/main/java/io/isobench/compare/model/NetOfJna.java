package io.isobench.compare.model;

import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.stats.RatioTest;

/**
 * A syscall row net of the JNA harness: on each side, the score minus {@code jnaCalls} times that environment's
 * JNA baseline ({@link BenchmarkKey#JNA_BASELINE}), in nanoseconds per operation, i.e. the kernel's part. The test
 * of the net ratio carries the uncertainty of all four measurements and has its own verdict.
 */
public record NetOfJna(int jnaCalls, double score, double baselineScore, RatioTest test) {

    /** The same net with another test (after the false-discovery-rate adjustment). */
    NetOfJna withTest(RatioTest newTest) {
        return new NetOfJna(jnaCalls, score, baselineScore, newTest);
    }

    public double ratio() {
        return test.ratio().estimate();
    }
}
