package io.isobench.launcher;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the container and VM tests need from the machine. Outside CI a missing engine skips them with the reason;
 * with CI=true they must run, so a missing engine fails them.
 */
final class Engines {

    private Engines() {
    }

    static void requireDocker() {
        String missing = null;
        if (!succeeds(List.of("docker", "info"))) {
            missing = "no Docker engine answers (start dockerd, or run scripts/run-container.sh once as root)";
        }
        require(missing);
    }

    static void requireQemu() {
        String missing = null;
        if (!Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64"))) {
            missing = "qemu-system-x86_64 is not installed (apt-get install qemu-system-x86 qemu-utils debootstrap)";
        } else if (!Files.isExecutable(Path.of("/usr/sbin/debootstrap")) || !Files.isExecutable(Path.of("/usr/bin/qemu-img"))) {
            missing = "debootstrap or qemu-img is not installed (apt-get install qemu-utils debootstrap)";
        }
        require(missing);
    }

    static void requireTap() {
        require(tapMissing().orElse(null));
    }

    /** Why no tap device can be made here (the VM then falls back to user-mode networking), or empty. */
    static java.util.Optional<String> tapMissing() {
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            return java.util.Optional.of("/dev/net/tun is missing, so no tap device can be made");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return java.util.Optional.of("making a tap device needs root (CAP_NET_ADMIN)");
        }
        return java.util.Optional.empty();
    }

    /** A container runtime besides runc, registered with the engine (scripts/lib.sh does it when it starts dockerd). */
    static void requireRuntime(String runtime) throws IOException, InterruptedException {
        requireDocker();
        String runtimes = output(List.of("docker", "info", "--format", "{{json .Runtimes}}"));
        require(runtimes.contains("\"" + runtime + "\"") || runtimes.contains("\"isobench-" + runtime + "\"") ? null
                : "the Docker engine has no " + runtime + " runtime (restart it through scripts/lib.sh's ensure_docker as root)");
    }

    /** Charliecloud's ch-run, and a Docker engine to make its image from the container image. */
    static void requireCharliecloud() {
        requireDocker();
        require(Files.isExecutable(Path.of("/usr/bin/ch-run")) ? null
                : "ch-run is not installed (apt-get install charliecloud, or scripts/lib.sh's ensure_charliecloud as root)");
    }

    /** Podman as root (its rootful variants), and a Docker engine to take its image from. */
    static void requirePodman() {
        requireDocker();
        String missing = null;
        if (!Files.isExecutable(Path.of("/usr/bin/podman"))) {
            missing = "podman is not installed (apt-get install podman uidmap, or scripts/lib.sh's ensure_podman as root)";
        } else if (!"root".equals(System.getProperty("user.name"))) {
            missing = "Podman's rootful variants need root";
        }
        require(missing);
    }

    static void requireChromium() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "chromium"));
        }
        require(found ? null : "chromium is not installed (apt-get install chromium)");
    }

    /** Root and Slurm's and munge's daemons, to start a test cluster (ENVIRONMENT.md, "Slurm"; {@link TestCluster}). */
    static void requireSlurm() {
        String missing = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            missing = "a test Slurm cluster needs root (slurmd runs the jobs, munged is started as the munge user)";
        } else if (!Files.isExecutable(Path.of("/usr/sbin/slurmctld")) || !Files.isExecutable(Path.of("/usr/sbin/slurmd"))
                || !Files.isExecutable(Path.of("/usr/sbin/munged"))) {
            missing = "Slurm or munge is not installed (apt-get install slurm-wlm munge)";
        }
        require(missing);
    }

    private static void require(String missing) {
        if (missing == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must run this test, but " + missing);
        }
        Assumptions.abort("skipped: " + missing);
    }

    static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(60, TimeUnit.SECONDS);
        return out.strip();
    }

    /** A finished command: exit code and output. */
    record Result(int exitCode, String output) {
    }

    /**
     * Runs a command with more environment variables, its output through a file: daemons it starts keep no pipe of
     * ours open, so the wait ends when the command does.
     */
    static Result runFor(List<String> command, long timeoutSeconds, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("isobench-it-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s: " + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
