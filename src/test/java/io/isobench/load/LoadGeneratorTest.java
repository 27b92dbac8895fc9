package io.isobench.load;

import io.isobench.schema.ExitCode;
import io.isobench.suite.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load generator on its own: bursts asked for and taken back, a burst that ends by itself, and bad input. */
class LoadGeneratorTest {

    @TempDir
    Path tmp;

    private Thread generator(Path control, String load, AtomicInteger exit) {
        Thread thread = new Thread(() -> exit.set(Cli.execute(new LoadGenerator(), "LoadGenerator", "--load", load,
                "--control", control.toString(), "--dir", tmp.resolve("io").toString(), "--threads", "2")));
        thread.start();
        return thread;
    }

    /** A generator of {@code load} in a thread of this JVM, once it says it is ready. */
    private record Running(Path control, LoadControl controls, Thread thread, AtomicInteger exit) {
    }

    private Running ready(String load) throws Exception {
        Path control = Files.createDirectory(tmp.resolve("control"));
        LoadControl controls = new LoadControl(control);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread thread = generator(control, load, exit);
        assertTrue(controls.await(LoadControl.READY, true, 30_000));
        return new Running(control, controls, thread, exit);
    }

    @Test
    void anIoBurstWritesItsFilesAndDeletesThemWhenTakenBack() throws Exception {
        Running generator = ready("io");
        Path control = generator.control();
        LoadControl controls = generator.controls();
        Thread thread = generator.thread();
        AtomicInteger exit = generator.exit();
        assertEquals("2", Files.readString(control.resolve(LoadControl.READY)), "the ready file holds the thread count");
        controls.run(60);
        assertTrue(controls.await(LoadControl.LOADING, true, 5_000));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (count(tmp.resolve("io")) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(2, count(tmp.resolve("io")), "one file per thread while loading");
        controls.stop();
        assertTrue(controls.await(LoadControl.LOADING, false, 15_000));
        assertEquals(0, count(tmp.resolve("io")), "taken back: the files are deleted");
        controls.exit();
        thread.join(15_000);
        assertFalse(thread.isAlive());
        assertEquals(ExitCode.DONE, exit.get());
        assertFalse(Files.exists(control.resolve(LoadControl.READY)));
    }

    @Test
    void aBurstEndsByItselfAfterItsSecondsAndTheGeneratorEndsWhenItsControlDirectoryGoes() throws Exception {
        Running generator = ready("cpu");
        Path control = generator.control();
        LoadControl controls = generator.controls();
        controls.run(1);
        assertTrue(controls.await(LoadControl.LOADING, true, 5_000));
        assertTrue(controls.await(LoadControl.LOADING, false, 10_000), "a burst is bounded by its seconds");
        Thread.sleep(100);
        assertFalse(controls.has(LoadControl.LOADING), "and does not start again while the same run file stays");
        controls.stop();
        Files.delete(control.resolve(LoadControl.READY));
        Files.delete(control);
        generator.thread().join(15_000);
        assertFalse(generator.thread().isAlive());
        assertEquals(ExitCode.DONE, generator.exit().get());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path control = Files.createDirectory(tmp.resolve("control"));
        assertEquals(ExitCode.BAD_INPUT, Cli.execute(new LoadGenerator(), "LoadGenerator", "--load", "disk",
                "--control", control.toString()));
        assertEquals(ExitCode.BAD_INPUT, Cli.execute(new LoadGenerator(), "LoadGenerator", "--load", "cpu",
                "--control", tmp.resolve("missing").toString()));
        assertEquals(ExitCode.BAD_INPUT, Cli.execute(new LoadGenerator(), "LoadGenerator", "--load", "cpu",
                "--control", control.toString(), "--poll-millis", "0"));
        try (var files = Files.list(control)) {
            assertEquals(List.of(), files.toList(), "nothing written on bad input");
        }
    }

    private static long count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }
}
