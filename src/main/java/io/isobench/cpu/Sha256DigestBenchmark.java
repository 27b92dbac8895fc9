package io.isobench.cpu;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * SHA-256 over 1 MiB of random bytes: integer-heavy compute; depends on the CPU features the guest sees
 * (the JIT uses SHA-NI intrinsics where the CPU reports them, so a masked CPU model changes the result).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class Sha256DigestBenchmark {

    private final byte[] data = new byte[1 << 20];
    private MessageDigest digest;

    @Setup
    public void setup() throws NoSuchAlgorithmException {
        new SplittableRandom(1).nextBytes(data);
        digest = MessageDigest.getInstance("SHA-256");
    }

    @Benchmark
    public byte[] digest() {
        digest.reset();
        return digest.digest(data);
    }
}
