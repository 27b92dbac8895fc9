package io.isobench.launcher.kind.charliecloud;

import io.isobench.launcher.core.DiskUsage;
import io.isobench.launcher.core.ImageRecipes;
import io.isobench.launcher.core.JvmRuntime;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Progress;
import io.isobench.launcher.core.RunAs;
import io.isobench.launcher.core.Workspace;
import io.isobench.launcher.kind.container.ContainerImages;
import io.isobench.launcher.kind.container.Docker;
import io.isobench.schema.ShippedImage;
import io.isobench.support.BenchDir;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The directory image Charliecloud runs: the container kind's image with the JVM runtime baked in (the recipe's rootfs
 * and the runtime layer, {@link ContainerImages#withRuntime}), exported and unpacked once into the store under the
 * Docker image's id and reused by every later run of that image. The jar is bound in per instance (it changes with every
 * build), as are the results and the file benchmarks' directory: their mount points are made in the image here, since
 * ch-run 0.31 cannot make them in an image mounted read-only.
 *
 * @param dir        the image directory
 * @param dockerImage the Docker image it was exported from
 */
record CharliecloudImage(Path dir, String dockerImage) {

    static final String RUNTIME = ContainerImages.OPT + "/runtime";
    static final String JAVA = RUNTIME + "/bin/java";
    static final String JAR = ContainerImages.OPT + "/benchmarks.jar";
    static final String RESULTS = "/results";
    static final String BENCH = "/var/tmp/isobench";
    /** Where images go when the launcher is root and an unprivileged user cannot reach its cache (under /root). */
    static final Path SHARED_STORE = Path.of("/var/cache/isobench/charliecloud");
    private static final long EXPORT_TIMEOUT_SECONDS = 600;

    /**
     * The image of {@code base} (the recipe's container image when null) with {@code runtime}, unpacked unless it is
     * already.
     */
    static CharliecloudImage ensure(String base, JvmRuntime runtime) throws LauncherException, InterruptedException {
        Docker docker = Docker.connect();
        String from = base != null ? base : ImageRecipes.build("container");
        if (!docker.imageExists(from)) {
            throw new LauncherException("image " + from + " does not exist locally and cannot be pulled here");
        }
        String withRuntime = ContainerImages.withRuntime(docker, from, runtime);
        String id = docker.imageId(withRuntime);
        Path store = store();
        Path dir = store.resolve(id.replace("sha256:", "").substring(0, 12));
        if (Files.isDirectory(dir)) {
            return new CharliecloudImage(dir, withRuntime);
        }
        long start = System.nanoTime();
        Path temp = null;
        try {
            Files.createDirectories(store);
            temp = Files.createTempDirectory(store, ".export-");
            docker.export(withRuntime, temp, Docker.labels("charliecloud-export"), EXPORT_TIMEOUT_SECONDS);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(temp.resolve(RESULTS.substring(1)));
            Files.createDirectories(temp.resolve(BENCH.substring(1)));
            Files.write(temp.resolve(JAR.substring(1)), new byte[0]);
            try {
                Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
                temp = null;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Another run unpacked the same image first; theirs is identical.
            }
        } catch (IOException e) {
            throw new LauncherException("cannot unpack " + withRuntime + " into " + store + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                BenchDir.deleteRecursively(temp);
            }
        }
        Progress.say("unpacked " + withRuntime + " into " + dir + " in "
                + String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9));
        return new CharliecloudImage(dir, withRuntime);
    }

    /**
     * Where the images are: {@code charliecloud/} in the launcher's cache, unless the launcher is root and an
     * unprivileged user cannot reach it there (root's home is private), then {@value #SHARED_STORE}, as a site keeps
     * its images where users can read them.
     */
    static Path store() throws LauncherException, InterruptedException {
        Path cache = Workspace.cacheDir().resolve("charliecloud");
        RunAs self = RunAs.self();
        if (!self.root() || RunAs.unprivileged().mayEnter(cache.getParent())) {
            return cache;
        }
        return SHARED_STORE;
    }

    /** The image's sizes as shipped: the OS, + the runtime (the directory), + the jar. */
    ShippedImage sizes(Path jar) {
        long all = DiskUsage.directoryBytes(dir);
        long runtime = DiskUsage.directoryBytes(dir.resolve(RUNTIME.substring(1)));
        return ShippedImage.of(all - runtime, all, all + DiskUsage.fileBytes(jar));
    }

    /** The binds of an instance: its copy of the jar, its results and its file benchmarks' directory. */
    static Map<Path, String> binds(Path jar, Path results, Path bench) {
        Map<Path, String> binds = new java.util.LinkedHashMap<>();
        binds.put(jar, JAR);
        binds.put(results, RESULTS);
        binds.put(bench, BENCH);
        return binds;
    }
}
