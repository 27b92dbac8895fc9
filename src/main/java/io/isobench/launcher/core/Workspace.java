package io.isobench.launcher.core;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

/**
 * Where the launcher keeps and finds things: its cache (the JVM runtime, images, VM work directories), its own jar and
 * the benchmarks jar beside it, new run ids, and the host's directory for the file benchmarks.
 */
public final class Workspace {

    /**
     * Where the file benchmarks write on the host by default: a disk-backed directory at the same path and depth as in
     * the container and the VM ({@code /tmp} is tmpfs on many systems). Every user can write /var/tmp, so the launcher
     * takes it only as a directory of its own ({@link PrivateDir}).
     */
    public static final String HOST_BENCH_DIR = "/var/tmp/isobench";

    /** Root's state directory, shared with scripts/lib.sh (the engine's configuration and log): root's, 0700. */
    public static final String ROOT_STATE_DIR = "/var/lib/isobench";

    private Workspace() {
    }

    /** {@code $ISOBENCH_CACHE}, else {@code ~/.cache/isobench}. */
    public static Path cacheDir() {
        String env = System.getenv("ISOBENCH_CACHE");
        return env != null && !env.isBlank() ? Paths.get(env) : Paths.get(System.getProperty("user.home"), ".cache", "isobench");
    }

    /**
     * Where the launcher keeps what must not be at a path other users can take first (the host run's lock): as root
     * {@value #ROOT_STATE_DIR}, otherwise the cache directory; made or checked as {@link PrivateDir} says.
     */
    public static Path stateDir() throws LauncherException {
        if (PrivateDir.isRoot()) {
            return PrivateDir.ensure(Paths.get(ROOT_STATE_DIR));
        }
        Path cache = cacheDir();
        try {
            java.nio.file.Files.createDirectories(cache.getParent());
        } catch (IOException e) {
            throw new LauncherException("cannot make " + cache.getParent() + ": " + e.getMessage(), e);
        }
        return PrivateDir.ensure(cache);
    }

    /** The jar or classes directory this launcher runs from. */
    public static Path self() {
        try {
            return Paths.get(Workspace.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            return Paths.get("target", "isobench.jar");
        }
    }

    /** The benchmarks jar beside target/isobench.jar (or beside target/classes). */
    public static Path defaultJar() {
        return self().getParent().resolve("benchmarks.jar");
    }

    /** UTC time and the git commit of the working directory, e.g. {@code 20261127-034501-1a2b3c4}. */
    public static String newRunId() {
        String time = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return time + "-" + gitCommit();
    }

    private static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String output = new String(git.getInputStream().readAllBytes()).trim();
            if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 && output.matches("[0-9a-f]{4,40}")) {
                return output;
            }
        } catch (IOException e) {
            // No git: fall through.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "nogit";
    }
}
