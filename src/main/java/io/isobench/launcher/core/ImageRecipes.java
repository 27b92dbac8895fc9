package io.isobench.launcher.core;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The image builders under {@code vm-images/}: {@code build.sh container} makes the local Docker image of the shared
 * rootfs, {@code build.sh vm} the VM's disk, kernel and initrd; both are cached by recipe hash and print their
 * result as the only line on stdout.
 */
public final class ImageRecipes {

    /** A first build runs debootstrap, which took about 4 minutes here; cached builds return at once. */
    private static final long BUILD_TIMEOUT_SECONDS = 30 * 60;

    private ImageRecipes() {
    }

    public static Path directory() throws LauncherException {
        String configured = System.getProperty("isobench.images");
        List<Path> candidates = new java.util.ArrayList<>();
        if (configured != null) {
            candidates.add(Paths.get(configured));
        }
        try {
            Path self = Paths.get(ImageRecipes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            candidates.add(self.getParent().getParent().resolve("vm-images")); // target/isobench.jar -> repo root
        } catch (URISyntaxException | RuntimeException e) {
            // Fall back to the working directory.
        }
        candidates.add(Paths.get("vm-images").toAbsolutePath());
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("build.sh"))) {
                return candidate;
            }
        }
        throw new LauncherException("cannot find vm-images/build.sh (looked in " + candidates
                + "); run from the repository or set -Disobench.images=DIR");
    }

    /** Runs {@code build.sh WHAT}, with its progress on stderr passed through, and returns its stdout line. */
    public static String build(String what) throws LauncherException, InterruptedException {
        Path script = directory().resolve("build.sh");
        Progress.say("ensuring the " + what + " image (" + script + " " + what + ") ...");
        Processes.Result result = Processes.run(List.of("bash", script.toString(), what), BUILD_TIMEOUT_SECONDS, "", false);
        String out = result.output().strip();
        if (result.exitCode() != 0 || out.isEmpty() || out.contains("\n")) {
            throw new LauncherException("the " + what + " image is missing and could not be built (" + script + " "
                    + what + " exited " + result.exitCode() + "; its messages are above)");
        }
        return out;
    }
}
