package io.isobench.memory;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * A 64 MiB copy between two heap arrays that were touched beforehand: memory bandwidth far beyond the caches,
 * with no page faults; depends on the memory system and, in a VM, on how guest pages are backed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class MemoryCopyBenchmark {

    private static final int BYTES = 64 << 20;

    private byte[] source;
    private byte[] target;

    @Setup
    public void setup() {
        source = new byte[BYTES];
        target = new byte[BYTES];
        for (int i = 0; i < BYTES; i += 64) {
            source[i] = (byte) i;
        }
    }

    @Benchmark
    public byte[] arraycopy() {
        System.arraycopy(source, 0, target, 0, BYTES);
        return target;
    }
}
