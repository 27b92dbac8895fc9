package io.isobench.launcher.kind.charliecloud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The processes of Charliecloud instances, found by the tag in their environment ({@link ChRun#TAG}): ch-run has no
 * daemon and no PID namespace, so an instance is its processes, and what a step left (a JMH fork, the inbound peer) is
 * found here and ended. A tag is the launcher's pid and a counter, so a later run also ends what a killed launcher left.
 */
final class ChProcesses {

    private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();

    private ChProcesses() {
    }

    /** A new tag for an instance of this launcher. */
    static String newTag() {
        return ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    /** The pids of the processes whose environment carries {@code tag}. */
    static List<Long> tagged(String tag) {
        List<Long> pids = new ArrayList<>();
        forEachTagged((pid, value) -> {
            if (value.equals(tag)) {
                pids.add(pid);
            }
        });
        return pids;
    }

    /** Ends the processes of instance {@code tag}. */
    static void kill(String tag) {
        end(tagged(tag));
    }

    /** Ends the processes of instances whose launcher is gone. */
    static void sweepOrphans() {
        List<Long> orphans = new ArrayList<>();
        forEachTagged((pid, value) -> {
            String launcher = value.contains("-") ? value.substring(0, value.indexOf('-')) : value;
            if (launcher.matches("\\d+") && ProcessHandle.of(Long.parseLong(launcher)).isEmpty()) {
                orphans.add(pid);
            }
        });
        end(orphans);
    }

    private static void end(List<Long> pids) {
        List<ProcessHandle> ended = new ArrayList<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroyForcibly();
                ended.add(process);
            });
        }
        for (ProcessHandle process : ended) {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // A process that does not end within 5 s of SIGKILL is in the kernel; nothing more to do.
            }
        }
    }

    private interface Visitor {
        void visit(long pid, String tagValue);
    }

    /** Every process whose /proc/PID/environ this launcher may read and that carries a tag. */
    private static void forEachTagged(Visitor visitor) {
        byte[] prefix = (ChRun.TAG + "=").getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.matches("\\d+")) {
                    continue;
                }
                byte[] environ;
                try {
                    environ = Files.readAllBytes(proc.resolve("environ"));
                } catch (IOException | SecurityException e) {
                    continue; // gone, or another user's
                }
                String value = valueOf(environ, prefix);
                if (value != null) {
                    visitor.visit(Long.parseLong(name), value);
                }
            }
        } catch (IOException e) {
            // No /proc: nothing can be found.
        }
    }

    /** The value of the variable whose {@code NAME=} is {@code prefix} in a NUL-separated environment, or null. */
    static String valueOf(byte[] environ, byte[] prefix) {
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start > prefix.length && java.util.Arrays.equals(environ, start, start + prefix.length, prefix, 0,
                        prefix.length)) {
                    return new String(environ, start + prefix.length, i - start - prefix.length, StandardCharsets.UTF_8);
                }
                start = i + 1;
            }
        }
        return null;
    }
}
