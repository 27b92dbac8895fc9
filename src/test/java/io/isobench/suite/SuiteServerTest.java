package io.isobench.suite;

import io.isobench.schema.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suite server's files: each N.step or N.sh run in turn, output in N.out, exit code in N.rc; stop ends it. */
class SuiteServerTest {

    @TempDir
    Path dir;

    private CompletableFuture<Integer> serve() {
        return CompletableFuture.supplyAsync(() -> Cli.execute(new SuiteServer(), "isobench", "--steps", dir.toString(),
                "--poll-millis", "20"));
    }

    private String awaitRc(int n) throws Exception {
        Path rc = dir.resolve(n + ".rc");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(rc)) {
            assertTrue(System.nanoTime() < deadline, n + ".rc not written");
            Thread.sleep(20);
        }
        return Files.readString(rc).strip();
    }

    @Test
    void runsStepsAndCommandsInTurnUntilStop() throws Exception {
        CompletableFuture<Integer> server = serve();
        JsonFiles.writeAtomically(dir.resolve("1.sh"), "echo from sh; exit 3\n");
        assertEquals("3", awaitRc(1));
        assertEquals("from sh\n", Files.readString(dir.resolve("1.out")));

        Path out = dir.resolve("env");
        JsonFiles.writeAtomically(dir.resolve("2.step"), "{\"budgetSeconds\": 60, \"args\": [\"--out\", \"" + out
                + "\", \"--include\", \"ParentPidGetBenchmark\\\\.rawSyscall\", \"--list\"]}");
        assertEquals(String.valueOf(ExitCode.DONE), awaitRc(2));
        assertEquals("io.isobench.syscall.ParentPidGetBenchmark.rawSyscall", Files.readString(dir.resolve("2.out")).strip());

        JsonFiles.writeAtomically(dir.resolve("3.step"), "{\"budgetSeconds\": 60, \"args\": [\"--out\", \"" + out
                + "\", \"--profile\", \"warp\"]}");
        assertEquals(String.valueOf(ExitCode.BAD_INPUT), awaitRc(3));
        assertTrue(Files.readString(dir.resolve("3.out")).startsWith("isobench: unknown profile 'warp'"),
                Files.readString(dir.resolve("3.out")));

        JsonFiles.writeAtomically(dir.resolve("4.step"), "{\"args\": []}");
        assertEquals(String.valueOf(ExitCode.BAD_INPUT), awaitRc(4));

        JsonFiles.writeAtomically(dir.resolve("stop"), "");
        assertEquals(ExitCode.DONE, server.get(60, TimeUnit.SECONDS));
    }

    @Test
    void aServerStartedAgainGoesOnAfterTheLastExitCode() throws Exception {
        Files.writeString(dir.resolve("1.rc"), "0\n");
        Files.writeString(dir.resolve("2.rc"), "137\n");
        assertEquals(3, SuiteServer.next(dir));
        CompletableFuture<Integer> server = serve();
        JsonFiles.writeAtomically(dir.resolve("3.sh"), "echo three\n");
        assertEquals("0", awaitRc(3));
        JsonFiles.writeAtomically(dir.resolve("stop"), "");
        assertEquals(ExitCode.DONE, server.get(60, TimeUnit.SECONDS));
    }

    @Test
    void aStepOverItsBudgetHasItsProcessesKilled() throws Exception {
        Path step = JsonFiles.writeAtomically(dir.resolve("1.step"), "{\"budgetSeconds\": 1, \"args\": [\"x\"]}");
        long started = System.nanoTime();
        int code = SuiteServer.runStep(step, dir.resolve("1.out"), args -> {
            try {
                // As JMH's parent waits for its fork.
                return new ProcessBuilder("sleep", "60").start().waitFor();
            } catch (Exception e) {
                return -1;
            }
        }, 10);
        assertEquals(SuiteServer.TIMED_OUT, code);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30), "the fork was not killed");
        assertTrue(Files.readString(dir.resolve("1.out")).contains("did not finish within 1 s"));
    }

    @Test
    void aStepThatWillNotReturnEndsTheServer() throws Exception {
        Path step = JsonFiles.writeAtomically(dir.resolve("1.step"), "{\"budgetSeconds\": 1, \"args\": [\"x\"]}");
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        int code = SuiteServer.runStep(step, dir.resolve("1.out"), args -> {
            while (true) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    // keeps waiting: a step stuck in this JVM
                }
            }
        }, 1);
        assertEquals(SuiteServer.KILLED, code);
    }
}
