package io.isobench.cpu;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Register-only loops the JIT cannot fold: a xorshift integer chain and a Mandelbrot-style floating-point
 * iteration, each a serial dependency chain seeded from a field; depends on the core's clock and pipeline.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ArithmeticLoopBenchmark {

    private static final int STEPS = 100_000;

    /** Seeds read from fields, so the loops' results are not compile-time constants. */
    private long seed = 0x9E3779B97F4A7C15L;
    private double cReal = -0.7436447860;
    private double cImaginary = 0.1318252536;

    @Benchmark
    public long integerXorshift() {
        long x = seed;
        for (int i = 0; i < STEPS; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    @Benchmark
    public double floatingPointIteration() {
        double zr = 0;
        double zi = 0;
        for (int i = 0; i < STEPS; i++) {
            double t = zr * zr - zi * zi + cReal;
            zi = 2 * zr * zi + cImaginary;
            zr = t;
            if (zr * zr + zi * zi > 4) {
                zr = 0;
                zi = 0;
            }
        }
        return zr + zi;
    }
}
