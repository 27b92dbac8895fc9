package io.isobench.launcher.kind.container;

import io.isobench.launcher.core.JvmRuntime;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Progress;
import io.isobench.schema.ShippedImage;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The images a containerised Java service would ship, each one COPY layer on the one before, built by the engine from a
 * Dockerfile as a service's image is: the base OS image (the recipe's, or {@code --image}), + the JVM runtime
 * ({@value #RUNTIME_REPO}{@code :<base image id>-<runtime hash>}, cached: built once per base and runtime, removed by
 * {@code build.sh prune} with the other recipes' images), + the benchmarks jar ({@value #RUN_REPO}{@code :<pid>-<n>},
 * per run, since the jar changes with every build; removed with the run, or by the next run's sweep).
 */
public final class ContainerImages {

    static final String RUNTIME_REPO = "isobench/runtime";
    static final String RUN_REPO = "isobench/run";
    /** Where the runtime and the jar are in the image. */
    public static final String OPT = "/opt/isobench";
    private static final long BUILD_TIMEOUT_SECONDS = 600;

    private ContainerImages() {
    }

    /** The base with the runtime baked in, built unless cached. */
    public static String withRuntime(Docker docker, String base, JvmRuntime runtime) throws LauncherException, InterruptedException {
        String runtimeHash;
        try {
            runtimeHash = runtime.contentSha256().substring(0, 12);
        } catch (IOException e) {
            throw new LauncherException("cannot hash the JVM runtime in " + runtime.home() + ": " + e.getMessage(), e);
        }
        String tag = RUNTIME_REPO + ":" + shortId(docker.imageId(base)) + "-" + runtimeHash;
        if (docker.imageExists(tag)) {
            return tag;
        }
        long start = System.nanoTime();
        docker.build(dockerfile(base, "runtime", OPT + "/runtime/"), Map.of("runtime", MountableFile.forHostPath(runtime.home())),
                tag, Map.of(Docker.LABEL, "true", "io.isobench.runtime", runtimeHash), BUILD_TIMEOUT_SECONDS);
        Progress.say("built " + tag + " (" + base + " + the JVM runtime) in " + seconds(start));
        return tag;
    }

    /** The image as shipped: {@code withRuntime} + the jar, for this run only; the caller removes it. */
    static String withJar(Docker docker, String withRuntime, Path jar, String runId, Map<String, String> labels)
            throws LauncherException, InterruptedException {
        String tag = RUN_REPO + ":" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
        long start = System.nanoTime();
        docker.build(dockerfile(withRuntime, "benchmarks.jar", OPT + "/benchmarks.jar"),
                Map.of("benchmarks.jar", MountableFile.forHostPath(jar)), tag, labels, BUILD_TIMEOUT_SECONDS);
        Progress.say("built " + tag + " (+ the benchmarks jar of run " + runId + ") in " + seconds(start));
        return tag;
    }

    /** The three images' sizes as the engine reports them (each includes its parents). */
    static ShippedImage sizes(Docker docker, String base, String withRuntime, String withJar) {
        return ShippedImage.of(docker.imageBytes(base), docker.imageBytes(withRuntime), docker.imageBytes(withJar));
    }

    /** A Dockerfile that adds one file or directory of the context to an image. */
    static String dockerfile(String from, String source, String destination) {
        return "FROM " + from + "\nCOPY " + source + " " + destination + "\n";
    }

    private static String shortId(String imageId) {
        String hex = imageId.startsWith("sha256:") ? imageId.substring("sha256:".length()) : imageId;
        return hex.substring(0, Math.min(12, hex.length()));
    }

    private static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
