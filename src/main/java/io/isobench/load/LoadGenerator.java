package io.isobench.load;

import io.isobench.suite.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A neighbour's load, run in a sibling instance of the environment under test: it waits, idle, until its control
 * directory asks for a burst ({@link LoadControl}), loads the CPU, the disk or the network stack until the burst is
 * taken back or its time is up, and waits again. It ends when told to ({@code exit}), when the control directory is
 * gone, or, with {@code --exit-on-stdin-eof}, when the launcher that started it is gone; every file it wrote is deleted
 * then, also on SIGTERM.
 */
@Command(name = "LoadGenerator", mixinStandardHelpOptions = true,
        description = "Bounded CPU, disk or network load, in bursts asked for through a control directory.")
public final class LoadGenerator implements Callable<Integer> {

    /** How often the control directory is looked at by default: a burst starts within this of being asked for. */
    static final long POLL_MILLIS = 5;

    @Option(names = "--load", required = true, description = "cpu, io or net.")
    String load;

    @Option(names = "--control", required = true, description = "The control directory (see LoadControl).")
    Path control;

    @Option(names = "--dir", description = "Where the io load writes its files (default: java.io.tmpdir).")
    Path dir;

    @Option(names = "--threads", defaultValue = "0", description = "Load threads (default: every CPU the JVM counts).")
    int threads;

    @Option(names = "--poll-millis", defaultValue = "" + POLL_MILLIS, description = "How often the control directory is "
            + "looked at, in ms (default: ${DEFAULT-VALUE}; a VM's sibling looks less often, each look being a 9p round trip).")
    long pollMillis;

    @Option(names = "--exit-on-stdin-eof", description = "Exit when standard input closes (the launcher that started it is gone).")
    boolean exitOnStdinEof;

    private volatile boolean stdinClosed;

    @Override
    public Integer call() throws IOException, InterruptedException {
        LoadKind kind = LoadKind.parse(load);
        if (threads < 0 || threads > 256) {
            throw new IllegalArgumentException("--threads must be between 1 and 256 (0: every CPU), got " + threads);
        }
        if (pollMillis < 1 || pollMillis > 1000) {
            throw new IllegalArgumentException("--poll-millis must be between 1 and 1000, got " + pollMillis);
        }
        int count = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        if (!Files.isDirectory(control)) {
            throw new IllegalArgumentException("--control " + control + " is not a directory");
        }
        Path files = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(files);
        LoadControl controls = new LoadControl(control);
        AtomicReference<Burst> current = new AtomicReference<>();
        Thread hook = new Thread(() -> {
            Burst burst = current.getAndSet(null);
            if (burst != null) {
                burst.close();
            }
        }, "isobench-load-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        if (exitOnStdinEof) {
            watchStdin();
        }
        controls.write(LoadControl.READY, String.valueOf(count));
        System.out.println("LoadGenerator ready: " + kind.id() + " on " + count + " threads, control " + control);
        System.out.flush();
        long deadline = 0;
        boolean expired = false;
        long bursts = 0;
        try {
            while (!stdinClosed && Files.isDirectory(control) && !controls.has(LoadControl.EXIT)) {
                OptionalLong asked = controls.runSeconds();
                Burst burst = current.get();
                if (burst == null && asked.isPresent() && !expired) {
                    current.set(Burst.start(kind, count, files));
                    deadline = System.nanoTime() + asked.getAsLong() * 1_000_000_000L;
                    controls.write(LoadControl.LOADING, String.valueOf(++bursts));
                } else if (burst != null && (asked.isEmpty() || System.nanoTime() > deadline)) {
                    expired = asked.isPresent();
                    if (expired) {
                        System.out.println("LoadGenerator: burst " + bursts + " reached its " + asked.getAsLong()
                                + " s and was stopped");
                    }
                    end(current, controls);
                } else if (asked.isEmpty()) {
                    expired = false;
                }
                Thread.sleep(pollMillis);
            }
        } finally {
            end(current, controls);
            try {
                controls.remove(LoadControl.READY);
            } catch (IOException e) {
                // The control directory is gone: nothing to say there.
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Shutting down: the hook runs anyway.
            }
        }
        System.out.println("LoadGenerator: done after " + bursts + " burst" + (bursts == 1 ? "" : "s"));
        return 0;
    }

    private static void end(AtomicReference<Burst> current, LoadControl controls) {
        Burst burst = current.getAndSet(null);
        if (burst != null) {
            burst.close();
        }
        try {
            controls.remove(LoadControl.LOADING);
        } catch (IOException e) {
            // The control directory is gone.
        }
    }

    private void watchStdin() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // Ignore input; wait for end of file.
                }
            } catch (IOException ignored) {
                // Same as end of file.
            }
            stdinClosed = true;
        }, "isobench-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(new LoadGenerator(), "LoadGenerator", args));
    }
}
