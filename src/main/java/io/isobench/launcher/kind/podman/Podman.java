package io.isobench.launcher.kind.podman;

import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.PeerProcess;
import io.isobench.launcher.core.Processes;
import io.isobench.launcher.core.Progress;
import io.isobench.launcher.core.RunAs;
import io.isobench.launcher.core.Workspace;
import io.isobench.launcher.kind.container.Docker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The podman command line of one user: rootful as the launcher (root), or rootless as an unprivileged user
 * ({@link RunAs#unprivileged}) whose storage and runtime directory are in a store of its own ($HOME and
 * $XDG_RUNTIME_DIR there). Images come from the Docker engine ({@code docker save | podman load}), once per store.
 */
final class Podman {

    /** Where a root launcher keeps a rootless user's store: root's cache (under /root) is out of that user's reach. */
    private static final Path SHARED_STORE = Path.of("/var/cache/isobench");
    private static final long LOAD_TIMEOUT_SECONDS = 600;

    private final RunAs user;
    /** The rootless user's store, or null for rootful podman. */
    private final Path store;

    private Podman(RunAs user, Path store) {
        this.user = user;
        this.store = store;
    }

    /** Podman as the launcher's own user (rootless where that is not root). */
    static Podman asLauncher() throws LauncherException {
        RunAs self = RunAs.self();
        return new Podman(self, null);
    }

    /** Rootless podman as an unprivileged user; its store is made (or found) first. */
    static Podman rootless() throws LauncherException, InterruptedException {
        RunAs user = RunAs.unprivileged();
        if (!user.switches()) {
            return new Podman(user, null); // the launcher is not root: its podman is rootless already
        }
        Path store = SHARED_STORE.resolve("podman-" + user.name());
        try {
            Path home = Files.createDirectories(store.resolve("home"));
            Path run = Files.createDirectories(store.resolve("run"));
            Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx------"));
            for (Path dir : List.of(store, home, run)) { // not what is in them: the storage's files have subordinate ids
                Files.setAttribute(dir, "unix:uid", user.uid(), java.nio.file.LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(dir, "unix:gid", user.gid(), java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new LauncherException("cannot make the rootless Podman store " + store + ": " + e.getMessage(), e);
        }
        return new Podman(user, store);
    }

    RunAs user() {
        return user;
    }

    /** {@code podman ARGS} as this user. */
    List<String> command(List<String> args) {
        List<String> line = new ArrayList<>();
        if (store != null) {
            line.addAll(List.of("env", "HOME=" + store.resolve("home"), "XDG_RUNTIME_DIR=" + store.resolve("run")));
        }
        line.add("podman");
        line.addAll(args);
        return user.command(line);
    }

    Processes.Result run(List<String> args, long timeoutSeconds) throws LauncherException, InterruptedException {
        return Processes.run(command(args), timeoutSeconds);
    }

    /** {@code podman ARGS}, which must succeed; its output, stripped. */
    String check(List<String> args, long timeoutSeconds) throws LauncherException, InterruptedException {
        Processes.Result result = run(args, timeoutSeconds);
        if (result.exitCode() != 0) {
            throw new LauncherException("podman " + args.get(0) + " failed: " + reason(result.exitCode(), result.output()));
        }
        return result.output().strip();
    }

    /** The Docker image {@code tag} in this user's podman storage, loaded unless it is there already; its podman name. */
    String image(Docker docker, String tag) throws LauncherException, InterruptedException {
        String name = "localhost/" + tag;
        if (run(List.of("image", "exists", name), 60).exitCode() == 0) {
            return name;
        }
        long start = System.nanoTime();
        Path tar = null;
        try {
            tar = Files.createTempFile(store != null ? store : Workspace.cacheDir(), ".podman-load-", ".tar");
            try (OutputStream out = Files.newOutputStream(tar)) {
                docker.save(tag, out);
            }
            user.own(tar);
            check(List.of("load", "-q", "-i", tar.toString()), LOAD_TIMEOUT_SECONDS);
        } catch (IOException e) {
            throw new LauncherException("cannot hand image " + tag + " to podman: " + e.getMessage(), e);
        } finally {
            if (tar != null) {
                try {
                    Files.deleteIfExists(tar);
                } catch (IOException e) {
                    Progress.warn("cannot remove " + tar + ": " + e.getMessage());
                }
            }
        }
        Progress.say("loaded " + tag + " into podman" + (store != null ? " (rootless, " + user.name() + ")" : "") + " in "
                + String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9));
        return name;
    }

    /** Starts a container in the background ({@code podman run -d}); its id. */
    String runDetached(List<String> options, String image, List<String> command)
            throws LauncherException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("run", "-d"));
        args.addAll(options);
        args.add(image);
        args.addAll(command);
        return check(args, 120);
    }

    /**
     * Starts an idle EchoPeer container {@code name}, attached (its stdin kept open, so that the peer ends when the
     * client does), and returns once it listens: the client process is the handle, {@link #remove} ends the container.
     */
    PeerProcess peer(String name, List<String> options, String image, String java, String jar)
            throws LauncherException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "-i", "--name", name));
        args.addAll(options);
        args.add(image);
        args.addAll(PeerProcess.command(java, jar, "127.0.0.1"));
        return PeerProcess.start(command(args));
    }

    /** A container's host pid ({@code State.Pid}) or its conmon's ({@code State.ConmonPid}). */
    long pid(String container, String field) throws LauncherException, InterruptedException {
        String pid = check(List.of("inspect", "--format", "{{.State." + field + "}}", container), 60);
        if (!pid.matches("[1-9]\\d*")) {
            throw new LauncherException("podman inspect gave no " + field + " for " + container + ": " + pid);
        }
        return Long.parseLong(pid);
    }

    /** Removes the containers that carry {@code label} (name=value), running or not; never throws. */
    void removeLabelled(String label) {
        try {
            String ids = check(List.of("ps", "-aq", "--filter", "label=" + label), 60);
            if (!ids.isBlank()) {
                List<String> args = new ArrayList<>(List.of("rm", "-f", "-t", "0"));
                args.addAll(ids.lines().map(String::strip).filter(id -> !id.isEmpty()).toList());
                check(args, 120);
            }
        } catch (LauncherException e) {
            Progress.warn("cannot remove the podman containers labelled " + label + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes one container; never throws. */
    void remove(String container) {
        try {
            run(List.of("rm", "-f", "-t", "0", container), 120);
        } catch (LauncherException e) {
            Progress.warn("cannot remove podman container " + container + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends the rootless user's pause process (which holds its user namespace between podman commands, and would
     * otherwise stay running after the launcher); a root launcher's own podman has none. Never throws.
     */
    void endRootlessSession() {
        if (store == null) {
            return;
        }
        try {
            String pid = Files.readString(store.resolve("run/libpod/tmp/pause.pid")).strip();
            if (pid.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException e) {
            // No pause process: nothing to end.
        }
    }

    /**
     * The rlimits every container gets: the launcher's own hard limits of open files and processes, the processes
     * capped at kernel.pid_max. Podman's defaults (1048576 of each) are a raise above the hard limits, which needs
     * CAP_SYS_RESOURCE, absent from this kind of machine's bounding set: crun refuses "setrlimit RLIMIT_NOFILE:
     * Operation not permitted", runc "error setting rlimit type 7". Podman also lowers its own RLIMIT_NPROC to
     * kernel.pid_max, and its runtime inherits that, so a process limit above pid_max is a raise too (measured:
     * 32768 ran, 32769 was refused). {@code --ulimit host} and {@code -1} ask for the same raises.
     *
     * @param procLimits /proc/self/limits
     */
    static List<String> ulimits(String procLimits, long pidMax) {
        long files = hardLimit(procLimits, "Max open files").orElse(1024L);
        long processes = Math.min(hardLimit(procLimits, "Max processes").orElse(pidMax), pidMax);
        return List.of("--ulimit", "nofile=" + files + ":" + files, "--ulimit", "nproc=" + processes + ":" + processes);
    }

    /** {@link #ulimits(String, long)} of this launcher. */
    static List<String> ulimits() throws LauncherException {
        try {
            // Files.readString reads "3" of this sysctl's "32768\n" here (JDK 17 on procfs): read it by lines.
            return ulimits(String.join("\n", Files.readAllLines(Path.of("/proc/self/limits"))),
                    Long.parseLong(String.join("", Files.readAllLines(Path.of("/proc/sys/kernel/pid_max"))).strip()));
        } catch (IOException | NumberFormatException e) {
            throw new LauncherException("cannot read this process's rlimits: " + e.getMessage(), e);
        }
    }

    /** A hard limit of /proc/self/limits ("Max open files  20000  20000  files"); empty when unlimited or absent. */
    static Optional<Long> hardLimit(String procLimits, String name) {
        for (String line : procLimits.lines().toList()) {
            if (line.startsWith(name)) {
                String[] fields = line.substring(name.length()).trim().split("\\s+");
                return fields.length >= 2 && fields[1].matches("\\d+") ? Optional.of(Long.parseLong(fields[1]))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Why a podman command failed, in one line: its last error, without podman's "Error: " and its retry warnings
     * ({@code time="..." level=warning msg="..."}). A failed load lists what each archive format said; the archive is
     * {@code docker save}'s, so the docker-archive line is the one that tells.
     */
    static String reason(int exitCode, String output) {
        String last = "";
        for (String line : output.lines().map(String::strip).toList()) {
            if (line.startsWith("* docker-archive: ")) {
                last = line.substring(2);
                break;
            }
            if (!line.isEmpty() && !line.startsWith("time=")) {
                last = line;
            }
        }
        last = last.startsWith("Error: ") ? last.substring("Error: ".length()) : last;
        return (last.isEmpty() ? "no message" : last) + " (exit " + exitCode + ")";
    }
}
