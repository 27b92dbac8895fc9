package io.isobench.launcher.kind.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The processes on the host that serve one container outside it: its containerd shim and, for gVisor, the sandbox
 * (the Sentry, with the application's stub processes below it) and the Gofer. What they hold is part of what one
 * instance costs; what a failed start leaves of them must be ended. The launcher runs as root, so they are found by
 * what they are, never by a command line that merely mentions the container's id (an administrator's
 * {@code docker logs <id>} does): the shim is the process whose executable is a {@code containerd-shim*} and whose
 * arguments are {@code -id <id>}; gVisor's are its children whose executable is runsc, named {@code runsc-gofer} or
 * {@code runsc-sandbox}, for that container's bundle; and the container's own init, the pid the engine reports, counts
 * when it is the shim's child. Which pids ({@link #serving}) is kept apart from ending them ({@link #kill}).
 */
final class ContainerProcesses {

    /** One process as /proc shows it: its parent, its arguments, and the file name of its executable ("" unknown). */
    record Proc(long pid, long ppid, List<String> argv, String exe) {
    }

    private ContainerProcesses() {
    }

    /** The pids that serve container {@code id} now; {@code initPid} is the engine's State.Pid, or 0. */
    static List<Long> of(String id, long initPid) {
        return serving(id, initPid, table());
    }

    static List<Long> of(String id) {
        return of(id, 0);
    }

    /** Which of {@code table}'s processes serve container {@code id}: see the class comment. */
    static List<Long> serving(String id, long initPid, List<Proc> table) {
        List<Long> pids = new ArrayList<>();
        Set<Long> shims = new HashSet<>();
        for (Proc p : table) {
            if (isShim(p, id)) {
                shims.add(p.pid());
                pids.add(p.pid());
            }
        }
        for (Proc p : table) {
            if (shims.contains(p.ppid()) && (isGvisor(p, id) || p.pid() == initPid && initPid > 0)) {
                pids.add(p.pid());
            }
        }
        return pids;
    }

    /** containerd's shim of this container: a containerd-shim executable with {@code -id <id>} among its arguments. */
    static boolean isShim(Proc p, String id) {
        return !p.argv().isEmpty() && p.exe().startsWith("containerd-shim")
                && Path.of(p.argv().get(0)).getFileName().toString().startsWith("containerd-shim")
                && follows(p.argv(), "-id", id);
    }

    /**
     * gVisor's Gofer or sandbox of this container: runsc, named runsc-gofer or runsc-sandbox, whose bundle is the
     * container's ({@code --bundle DIR} or {@code --bundle=DIR} with DIR's last name the id).
     */
    static boolean isGvisor(Proc p, String id) {
        if (p.argv().isEmpty() || !p.exe().startsWith("runsc")
                || !List.of("runsc-gofer", "runsc-sandbox").contains(p.argv().get(0))) {
            return false;
        }
        List<String> argv = p.argv();
        for (int i = 1; i < argv.size(); i++) {
            String bundle = argv.get(i).startsWith("--bundle=") ? argv.get(i).substring("--bundle=".length())
                    : argv.get(i).equals("--bundle") && i + 1 < argv.size() ? argv.get(i + 1) : null;
            if (bundle != null && !bundle.isEmpty() && Path.of(bundle).getFileName() != null
                    && Path.of(bundle).getFileName().toString().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean follows(List<String> argv, String flag, String value) {
        for (int i = 0; i + 1 < argv.size(); i++) {
            if (argv.get(i).equals(flag) && argv.get(i + 1).equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Every process that /proc shows and that can be read. */
    static List<Proc> table() {
        List<Proc> table = new ArrayList<>();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) proc::iterator) {
                String name = dir.getFileName().toString();
                if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                read(Long.parseLong(name), dir).ifPresent(table::add);
            }
        } catch (IOException e) {
            return List.of();
        }
        return table;
    }

    private static Optional<Proc> read(long pid, Path dir) {
        try {
            byte[] raw = Files.readAllBytes(dir.resolve("cmdline"));
            List<String> argv = raw.length == 0 ? List.of()
                    : Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
            String stat = Files.readString(dir.resolve("stat"));
            // pid (comm) state ppid ...: comm may hold spaces and parentheses, so the fields follow the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            String exe;
            try {
                exe = Optional.ofNullable(Files.readSymbolicLink(dir.resolve("exe")).getFileName())
                        .map(Path::toString).orElse("");
            } catch (IOException e) {
                exe = "";
            }
            return Optional.of(new Proc(pid, Long.parseLong(fields[1]), argv, exe));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // The process ended, or is not ours to read.
        }
    }

    /** Proportional set size of those processes together: shared pages are counted once. */
    static long pssBytes(String containerId) throws IOException {
        long total = 0;
        for (long pid : of(containerId)) {
            try {
                total += io.isobench.launcher.core.Processes.pssBytes(pid);
            } catch (IOException e) {
                // Gone in between.
            }
        }
        return total;
    }

    /**
     * Ends whatever still serves a container that was removed (a sandbox whose start failed lingers otherwise):
     * the processes {@link #serving} names, gVisor's and the init before the shim.
     */
    static void kill(String containerId, long initPid) {
        List<Long> pids = of(containerId, initPid);
        for (int i = pids.size() - 1; i >= 0; i--) {
            ProcessHandle.of(pids.get(i)).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
