package io.isobench.launcher.core;

import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether an environment can run on this machine, and if not, why: the reason the main job reports when it skips one. */
public final class Availability {

    private Availability() {
    }

    public static Optional<String> containerMissing() {
        if (!"true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            return Optional.of("TESTCONTAINERS_RYUK_DISABLED is not true (scripts/bench.sh sets it)");
        }
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.of("no Docker engine answers");
            }
        } catch (RuntimeException e) {
            return Optional.of("no Docker engine answers (" + e.getMessage() + ")");
        }
        return onPath("debootstrap", "/usr/sbin/debootstrap");
    }

    /** Why a container runtime cannot run here (the engine has no such runtime), or empty; runc always can. */
    public static Optional<String> runtimeMissing(String runtime) {
        if (runtime.equals("runc")) {
            return Optional.empty();
        }
        try {
            return io.isobench.launcher.kind.container.Docker.connect().runtimeName(runtime).isPresent() ? Optional.empty()
                    : Optional.of(io.isobench.launcher.kind.container.ContainerEnvironment.missingRuntime(runtime));
        } catch (LauncherException | RuntimeException e) {
            return Optional.of("no Docker engine answers (" + e.getMessage() + ")");
        }
    }

    public static Optional<String> vmMissing() {
        return onPath("qemu-system-x86_64", "/usr/bin/qemu-system-x86_64")
                .or(() -> onPath("qemu-img", "/usr/bin/qemu-img"))
                .or(() -> onPath("debootstrap", "/usr/sbin/debootstrap"));
    }

    private static Optional<String> onPath(String tool, String usual) {
        if (Files.isExecutable(Path.of(usual))) {
            return Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Optional.empty();
            }
        }
        return Optional.of(tool + " is not installed");
    }
}
