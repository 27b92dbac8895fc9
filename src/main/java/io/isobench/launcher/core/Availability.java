package io.isobench.launcher.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether a tool an environment needs is installed: the reason the main job reports when it skips one. */
public final class Availability {

    private Availability() {
    }

    /** Empty when {@code tool} is at its {@code usual} path or on PATH, else why not. */
    public static Optional<String> onPath(String tool, String usual) {
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
