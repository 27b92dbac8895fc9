package io.isobench.launcher.kind.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processes on the host that serve one container outside it, found by the container's id on their command line:
 * its containerd shim and, for gVisor, the sandbox (the Sentry, with the application's stub processes) and the Gofer.
 * What they hold is part of what one instance costs; what a failed start leaves of them must be ended.
 */
final class ContainerProcesses {

    private ContainerProcesses() {
    }

    static List<Long> of(String containerId) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) proc::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmdline.contains(containerId)) {
                        pids.add(Long.parseLong(name));
                    }
                } catch (IOException e) {
                    // The process ended, or is not ours to read.
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return pids;
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

    /** Ends whatever still serves a container that was removed (a sandbox whose start failed lingers otherwise). */
    static void kill(String containerId) {
        for (long pid : of(containerId)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
