package io.isobench.cpu;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * SHA-256 of 64 KiB on one thread and on every CPU the JVM counts, as digests per second over all threads: the ratio of
 * the two is how the environment scales with threads. A CPU quota ({@code --cpus}) throttles the second (the JVM also
 * rounds the quota up into its CPU count), vCPUs scheduled as host threads share the host's cores with each other and
 * with QEMU's own threads, and a busy neighbour takes its share.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class ParallelDigestBenchmark {

    private final byte[] data = new byte[64 << 10];
    private MessageDigest digest;

    @Setup
    public void setup() throws NoSuchAlgorithmException {
        new SplittableRandom(1).nextBytes(data);
        digest = MessageDigest.getInstance("SHA-256");
    }

    @Benchmark
    @Threads(1)
    public byte[] oneThread() {
        return digest.digest(data);
    }

    @Benchmark
    @Threads(Threads.MAX)
    public byte[] allCpus() {
        return digest.digest(data);
    }
}
