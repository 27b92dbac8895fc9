package io.isobench.launcher.core;

import io.isobench.schema.UntrustedFile;
import io.isobench.suite.JsonFiles;
import io.isobench.support.BenchDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's side of the suite server ({@link io.isobench.suite.SuiteServer}), the one JVM that runs an
 * environment's steps in turn: a step is a file {@code N.step} in a directory that both sides see, its output
 * {@code N.out} is copied to the console as it grows, its exit code is {@code N.rc}. Every kind talks to its server so;
 * they differ in who starts it: the VM's own init ({@code run.sh}), or the launcher through the instance's
 * {@link Instance#exec}, in a thread that lives as long as the server ({@link #start}).
 * <p>
 * What a step costs beside its forks is then one JVM's start per environment and run, not per step: the suite runner's
 * start and JMH's two probe JVMs (its blackhole mode check, which a JVM makes once). The forks that measure are the same
 * processes with the same flags; only their parent stays up, idle while they run.
 */
public final class StepServer {

    /** The most of one command's output shown: JMH's console output of a class is far less. */
    static final long MAX_OUTPUT_BYTES = 64L << 20;
    /** How long a server has to end after {@code stop} before it is stopped. */
    private static final long STOP_SECONDS = 10;
    /** A command's whole life bound for the server started by {@link #start}: it ends when told, long before. */
    private static final long SERVER_SECONDS = TimeUnit.DAYS.toSeconds(7);

    /** Says why the side that runs the files is gone, or nothing while it is there. */
    @FunctionalInterface
    public interface Liveness {
        void check() throws LauncherException;
    }

    private final Path dir;
    private final Liveness liveness;
    private final String who;
    /** The server this launcher started ({@link #start}), or null for one the environment started itself. */
    private final Launched launched;
    private int next = 1;

    private StepServer(Path dir, Liveness liveness, String who, Launched launched) {
        this.dir = dir;
        this.liveness = liveness;
        this.who = who;
        this.launched = launched;
    }

    /**
     * The client of a server that the environment starts itself on {@code dir} (as the host sees it).
     *
     * @param liveness says when the environment is gone (a guest that stopped)
     * @param who what runs the commands, as messages name it: "the guest"
     */
    public static StepServer attach(Path dir, Liveness liveness, String who) {
        return new StepServer(dir, liveness, who, null);
    }

    /**
     * Starts a suite server in {@code instance} on {@code dirOnHost}, seen inside as {@code dirInside}: a fresh directory,
     * and the server's command ({@link SuiteCommand#server}) run by the instance's own {@link Instance#exec} in a thread
     * of the launcher; the server is there while that command runs. A server that ended because a step would not return
     * ({@link SuiteCommand#KILLED}) is started again on the next step, which goes on with the next file.
     */
    public static StepServer start(Instance instance, SuiteCommand suite, Path dirOnHost, String dirInside)
            throws LauncherException {
        try {
            BenchDir.deleteRecursively(dirOnHost);
            Files.createDirectories(dirOnHost);
            // The server writes here as the environment's user (Charliecloud's is not root): the results directory's.
            Path results = dirOnHost.getParent();
            Files.setOwner(dirOnHost, Files.getOwner(results, java.nio.file.LinkOption.NOFOLLOW_LINKS));
            Files.getFileAttributeView(dirOnHost, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(
                    Files.readAttributes(results, java.nio.file.attribute.PosixFileAttributes.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS).group());
        } catch (IOException e) {
            throw new LauncherException("cannot make the suite server's directory " + dirOnHost + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(suite.server(dirInside));
        command.add("--exit-with-parent");
        Launched launched = new Launched(instance, command);
        launched.start();
        return new StepServer(dirOnHost, launched::check, "the environment", launched);
    }

    /** The server's command, run by the instance's exec in a thread of the launcher, and how it ended. */
    private static final class Launched {

        /** What the command's return says: its exit code, or -1 when it ended otherwise; and why, for the message. */
        private record End(int exitCode, String why) {
        }

        private final Instance instance;
        private final List<String> command;
        /** What the server printed itself (its steps print into their files). */
        private final Processes.Tail said = new Processes.Tail(1 << 14);
        private volatile End end;
        private Thread thread;

        Launched(Instance instance, List<String> command) {
            this.instance = instance;
            this.command = command;
        }

        void start() {
            end = null;
            thread = new Thread(() -> {
                try {
                    int rc = instance.exec(command, said, SERVER_SECONDS);
                    end = new End(rc, "exit " + rc);
                } catch (LauncherException e) {
                    end = new End(-1, e.getMessage());
                } catch (InterruptedException e) {
                    end = new End(-1, "stopped");
                }
            }, "isobench-suite-server-" + instance.identity().name());
            thread.setDaemon(true);
            thread.start();
        }

        /** Says how the server ended, once it has. */
        void check() throws LauncherException {
            End ended = end;
            if (ended != null) {
                String last = said.toString().strip().lines().reduce((a, b) -> b).orElse("");
                throw new LauncherException("its suite server ended (" + ended.why() + ")"
                        + (last.isEmpty() ? "" : ": " + last));
            }
        }

        /** A server that ended because a step would not return is started again. */
        void restartIfKilled() {
            End ended = end;
            if (ended != null && ended.exitCode() == SuiteCommand.KILLED) {
                Progress.warn("a step did not return; the suite server starts again");
                start();
            }
        }

        /** Waits for the command to end, up to {@value #STOP_SECONDS} s (none when {@code now}), then stops it. */
        void stop(boolean now) {
            try {
                thread.join(now ? 1 : TimeUnit.SECONDS.toMillis(STOP_SECONDS));
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(TimeUnit.SECONDS.toMillis(STOP_SECONDS));
                }
            } catch (InterruptedException e) {
                thread.interrupt();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs one step ({@link SuiteCommand#step}) as a request to the server. */
    public int runStep(List<String> step, OutputStream sink, long timeoutSeconds) throws LauncherException, InterruptedException {
        return run(".step", SuiteCommand.serverRequest(step), sink, timeoutSeconds);
    }

    /** Runs {@code command} by the server's {@code sh}. */
    public int exec(List<String> command, OutputStream sink, long timeoutSeconds) throws LauncherException, InterruptedException {
        return run(".sh", SuiteCommand.shellQuote(command) + "\n", sink, timeoutSeconds);
    }

    /**
     * Drops file N{@code suffix} into the directory, streams N.out to the sink until N.rc holds the exit code. N.rc
     * stays (a few bytes): a server started again finds the next number by it.
     */
    private synchronized int run(String suffix, String content, OutputStream sink, long timeoutSeconds)
            throws LauncherException, InterruptedException {
        if (launched != null) {
            launched.restartIfKilled(); // once per command: a server killed again says so at the next check
        }
        int n = next++;
        Path script = dir.resolve(n + suffix);
        Path out = dir.resolve(n + ".out");
        Path rc = dir.resolve(n + ".rc");
        Path reading = out;
        try {
            if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new LauncherException("the suite server's directory " + dir + " is gone or no longer a directory");
            }
            JsonFiles.writeAtomically(script, content);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            long shown = 0;
            while (true) {
                shown = tail(out, shown, sink);
                if (UntrustedFile.present(rc)) {
                    tail(out, shown, sink);
                    reading = rc;
                    return Integer.parseInt(GuestFiles.readAnswer(rc).strip());
                }
                liveness.check();
                if (System.nanoTime() > deadline) {
                    throw new LauncherException(who + " did not finish a command within " + timeoutSeconds + " s");
                }
                Thread.sleep(100);
            }
        } catch (UntrustedFile.Refused e) {
            throw new LauncherException("cannot run a command in " + who + ": " + reading + " " + e.getMessage(), e);
        } catch (IOException | NumberFormatException e) {
            throw new LauncherException("cannot run a command in " + who + ": " + e.getMessage(), e);
        } finally {
            for (Path file : List.of(script, out)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // Removed with the directory.
                }
            }
        }
    }

    /**
     * Copies what the output file holds beyond {@code from} to the sink, up to {@link #MAX_OUTPUT_BYTES} of a command's
     * output; returns the new position. The file is the environment's: a regular file only, no link followed
     * ({@link UntrustedFile#channel}).
     */
    static long tail(Path file, long from, OutputStream sink) throws IOException {
        if (!UntrustedFile.present(file) || from >= MAX_OUTPUT_BYTES) {
            return from;
        }
        try (SeekableByteChannel channel = UntrustedFile.channel(file)) {
            long position = from + UntrustedFile.copyRange(channel, from, MAX_OUTPUT_BYTES - from, sink);
            if (position >= MAX_OUTPUT_BYTES) {
                sink.write(("\nisobench: the command's output goes on beyond "
                        + UntrustedFile.mib(MAX_OUTPUT_BYTES) + "; the rest is not shown\n").getBytes(StandardCharsets.UTF_8));
            }
            sink.flush();
            return position;
        }
    }

    /** Tells the server to end ({@code stop}). */
    public void stop() throws IOException {
        JsonFiles.writeAtomically(dir.resolve("stop"), "");
    }

    /**
     * Ends a server of the launcher's ({@link #start}): {@code stop}, then its command is stopped (with the step
     * it runs) when it has not ended {@value #STOP_SECONDS} s later, or at once when {@code now} (Ctrl-C, a lost
     * environment); the directory is removed. Never throws.
     */
    public void close(boolean now) {
        try {
            stop();
        } catch (IOException e) {
            // The directory is gone: so is the server's work.
        }
        if (launched != null) {
            launched.stop(now);
            BenchDir.deleteRecursively(dir);
        }
    }
}
