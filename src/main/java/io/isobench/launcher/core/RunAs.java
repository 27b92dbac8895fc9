package io.isobench.launcher.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The user an environment's processes run as, and how the launcher becomes it. Unprivileged, as HPC sites run
 * Charliecloud and as rootless Podman runs: the launcher's own user, or, when the launcher is root, a system user
 * ({@value #USER} where it exists, else {@code nobody}) reached through util-linux's {@code setpriv}, which execs the
 * command (no process stays in between, unlike runuser's PAM session) with that user's $USER, $HOME and $PATH.
 *
 * @param switches whether the launcher must become this user ({@link #prefix} is then setpriv's command line)
 */
public record RunAs(String name, int uid, int gid, boolean switches) {

    /** The system user that unprivileged environments run as when the launcher is root (scripts/lib.sh makes it). */
    public static final String USER = "isobench";
    private static final String FALLBACK = "nobody";

    /** The launcher's own user. */
    public static RunAs self() throws LauncherException {
        try {
            int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            int gid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
            String name = uid == 0 ? "root" : Optional.ofNullable(System.getenv("USER")).filter(s -> !s.isBlank())
                    .orElse(System.getProperty("user.name"));
            return new RunAs(name, uid, gid, false);
        } catch (IOException | RuntimeException e) {
            throw new LauncherException("cannot tell which user the launcher runs as: " + e.getMessage(), e);
        }
    }

    /** An unprivileged user: the launcher's own, or, when it is root, {@value #USER} or else {@code nobody}. */
    public static RunAs unprivileged() throws LauncherException, InterruptedException {
        RunAs self = self();
        if (!self.root()) {
            return self;
        }
        Optional<RunAs> user = lookup(USER);
        return user.isPresent() ? user.get() : lookup(FALLBACK).orElseThrow(() -> new LauncherException(
                "neither user " + USER + " nor " + FALLBACK + " exists to run unprivileged as (as root: useradd --system "
                        + USER + ")"));
    }

    /** A user of the system database ({@code getent passwd}), to be switched to; empty when there is none. */
    static Optional<RunAs> lookup(String name) throws LauncherException, InterruptedException {
        Processes.Result entry = Processes.run(List.of("getent", "passwd", name), 30);
        return entry.exitCode() == 0 ? parsePasswd(entry.output()) : Optional.empty();
    }

    /** A passwd line ({@code name:x:uid:gid:gecos:home:shell}) as a user to switch to. */
    static Optional<RunAs> parsePasswd(String line) {
        String[] f = line.strip().split(":", -1);
        if (f.length < 4 || !f[2].matches("\\d+") || !f[3].matches("\\d+")) {
            return Optional.empty();
        }
        return Optional.of(new RunAs(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), true));
    }

    public boolean root() {
        return uid == 0;
    }

    /** What precedes a command to run it as this user: setpriv's command line, or nothing. */
    public List<String> prefix() {
        return switches ? List.of("setpriv", "--reuid=" + name, "--regid=" + gid, "--init-groups", "--reset-env", "--")
                : List.of();
    }

    /** {@code command} run as this user. */
    public List<String> command(List<String> command) {
        List<String> all = new ArrayList<>(prefix());
        all.addAll(command);
        return all;
    }

    /**
     * Whether this user may create files in {@code dir}: search permission on every directory above it, and write and
     * search on it (by owner, group or others; supplementary groups and ACLs are not consulted).
     */
    public boolean mayWriteIn(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Path at = absolute.getRoot();
            for (Path part : absolute) {
                at = at.resolve(part);
                if (!allowed(at, at.equals(absolute) ? 3 : 1)) {
                    return false;
                }
            }
            return allowed(absolute, 3);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether this user may reach {@code dir}: search permission on it and every directory above it (parts that do not
     * exist yet count as reachable: the launcher makes them with the usual 0755).
     */
    public boolean mayEnter(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Path at = absolute.getRoot();
            for (Path part : absolute) {
                at = at.resolve(part);
                if (!Files.exists(at)) {
                    return true;
                }
                if (!allowed(at, 1)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether this user has the permission bits {@code bits} (rwx as 4, 2, 1) on {@code path}. */
    private boolean allowed(Path path, int bits) throws IOException {
        if (root()) {
            return true;
        }
        int mode = (Integer) Files.getAttribute(path, "unix:mode");
        int owner = (Integer) Files.getAttribute(path, "unix:uid");
        int group = (Integer) Files.getAttribute(path, "unix:gid");
        int granted = owner == uid ? mode >> 6 : group == gid ? mode >> 3 : mode;
        return (granted & bits) == bits;
    }

    /** Makes {@code path} and everything under it this user's (symbolic links themselves, never what they point to). */
    public void own(Path path) throws IOException {
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : (Iterable<Path>) all::iterator) {
                Files.setAttribute(each, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(each, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }
}
