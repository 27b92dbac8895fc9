package io.isobench.launcher.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Child processes of the launcher: run to completion within a bound (their output kept up to its last
 * {@link #MAX_OUTPUT_BYTES}), and read their memory.
 */
public final class Processes {

    private Processes() {
    }

    /** The result of a finished command. */
    public record Result(int exitCode, String output) {
    }

    /** The most of a command's output kept, its end: what a caller parses or quotes is far less. */
    public static final int MAX_OUTPUT_BYTES = 8 << 20;

    /**
     * A child's output as far as it is kept: the last {@code capacity} bytes, in a ring, so that a child that prints
     * without end fills no more than that. {@link #toString()} says how much was dropped before what it shows.
     */
    public static final class Tail extends OutputStream {
        private final byte[] ring;
        private long total;

        public Tail(int capacity) {
            this.ring = new byte[capacity];
        }

        @Override
        public synchronized void write(int b) {
            ring[(int) (total++ % ring.length)] = (byte) b;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (len >= ring.length) {
                off += len - ring.length;
                total += len - ring.length;
                len = ring.length;
            }
            while (len > 0) {
                int at = (int) (total % ring.length);
                int n = Math.min(len, ring.length - at);
                System.arraycopy(b, off, ring, at, n);
                off += n;
                len -= n;
                total += n;
            }
        }

        /** How many bytes were written in all, kept or not. */
        public synchronized long total() {
            return total;
        }

        /** What is kept, as UTF-8, after a line saying how much was dropped before it (when anything was). */
        @Override
        public synchronized String toString() {
            if (total <= ring.length) {
                return new String(ring, 0, (int) total, StandardCharsets.UTF_8);
            }
            int at = (int) (total % ring.length);
            byte[] ordered = new byte[ring.length];
            System.arraycopy(ring, at, ordered, 0, ring.length - at);
            System.arraycopy(ring, 0, ordered, ring.length - at, at);
            return "[isobench: the first " + (total - ring.length) + " bytes of the output were dropped]\n"
                    + new String(ordered, StandardCharsets.UTF_8);
        }
    }

    /** Runs a command with stdout and stderr merged, killing it after {@code timeoutSeconds}. */
    public static Result run(List<String> command, long timeoutSeconds) throws LauncherException, InterruptedException {
        return run(command, timeoutSeconds, "", true);
    }

    /**
     * Runs a command, feeding it {@code input}; its output is read on a separate thread, so the timeout holds even
     * when the command hangs. With {@code mergeStderr} false, stderr goes to the launcher's stderr (progress lines).
     */
    public static Result run(List<String> command, long timeoutSeconds, String input, boolean mergeStderr)
            throws LauncherException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (mergeStderr) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LauncherException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        Tail output = new Tail(MAX_OUTPUT_BYTES);
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "isobench-output-" + command.get(0));
        reader.setDaemon(true);
        reader.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The command does not read its input: fine.
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new LauncherException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            reader.join(5000);
            return new Result(process.exitValue(), output.toString());
        } finally {
            destroy(process);
        }
    }

    /**
     * Runs a command on the host with its output (stderr merged) copied to {@code sink} as it comes; {@code running}
     * holds the process meanwhile, so that a cleanup on another thread (Ctrl-C) can stop it.
     *
     * @return its exit code
     * @throws LauncherException when it cannot start or does not end within {@code timeoutSeconds} (it is then killed)
     */
    public static int stream(List<String> command, OutputStream sink, long timeoutSeconds,
                             java.util.concurrent.atomic.AtomicReference<Process> running)
            throws LauncherException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new LauncherException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        running.set(process);
        Thread pump = new Thread(() -> copy(process.getInputStream(), sink), "isobench-host-output");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new LauncherException("'" + command.get(0) + " ...' did not end within " + timeoutSeconds + " s");
            }
            pump.join(5000);
            return process.exitValue();
        } finally {
            destroy(process);
            running.compareAndSet(process, null);
        }
    }

    /** Copies a process's output to {@code out} as it comes, until the process closes it or ends. */
    public static void copy(InputStream in, OutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The process ended or was killed, or the console went away.
        }
    }

    /** Kills a process and its descendants, waiting briefly for them to go. */
    public static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Resident set size of a process in bytes, from /proc/PID/status. */
    public static long rssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    /** Proportional set size of a process in bytes (shared pages divided among their users), from smaps_rollup. */
    public static long pssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
            if (line.startsWith("Pss:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no Pss for process " + pid);
    }
}
