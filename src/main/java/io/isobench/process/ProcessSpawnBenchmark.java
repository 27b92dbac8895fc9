package io.isobench.process;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Spawning {@code /bin/true} through ProcessBuilder and waiting for it: the JDK's posix_spawn via
 * jspawnhelper, exec, the dynamic loader and exit; depends on the kernel's fork/exec path and the file system
 * that holds the binaries.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
public class ProcessSpawnBenchmark {

    private static final String TRUE = "/bin/true";

    private ProcessBuilder builder;

    @Setup
    public void setup() {
        if (!Files.isExecutable(Path.of(TRUE))) {
            throw new IllegalStateException(TRUE + " is missing");
        }
        builder = new ProcessBuilder(TRUE).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }

    @Benchmark
    public int spawnWait() throws IOException, InterruptedException {
        Process process = builder.start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(TRUE + " exited with " + exit);
        }
        return exit;
    }
}
