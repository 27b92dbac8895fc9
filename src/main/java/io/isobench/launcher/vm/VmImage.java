package io.isobench.launcher.vm;

import io.isobench.launcher.ImageRecipes;
import io.isobench.launcher.LauncherException;
import io.isobench.launcher.Progress;
import io.isobench.support.BenchDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The prepared image from {@code vm-images/build.sh vm}: a read-only base disk, a kernel, an initrd and a command line.
 * A cached image that no longer matches what was built (see {@link ImageCheck}) is removed and built again.
 */
record VmImage(Path dir) {

    /** The cached image, built when missing and rebuilt, with one line saying why, when damaged. */
    static VmImage ensure() throws LauncherException, InterruptedException {
        Path dir = Path.of(ImageRecipes.build("vm"));
        Optional<String> problem = check(dir);
        if (problem.isPresent()) {
            Progress.warn("the VM image in " + dir + " is damaged (" + problem.get() + "): rebuilding it");
            discard(dir);
            dir = Path.of(ImageRecipes.build("vm"));
            problem = check(dir);
            if (problem.isPresent()) {
                throw new LauncherException("the VM image in " + dir + " was rebuilt and is still not as built: "
                        + problem.get());
            }
        }
        return at(dir);
    }

    private static Optional<String> check(Path dir) throws LauncherException {
        try {
            return ImageCheck.problem(dir);
        } catch (IOException e) {
            throw new LauncherException("cannot verify the VM image in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Moves the damaged image aside at once (so that build.sh sees it missing), then deletes it. */
    static void discard(Path dir) throws LauncherException {
        Path aside = dir.resolveSibling(".tmp-damaged-" + dir.getFileName() + "-" + ProcessHandle.current().pid());
        try {
            Files.move(dir, aside);
            BenchDir.deleteRecursively(aside);
        } catch (IOException | UncheckedIOException e) {
            throw new LauncherException("cannot remove the damaged VM image " + dir + ": " + e.getMessage(), e);
        }
    }

    static VmImage at(Path dir) throws LauncherException {
        VmImage image = new VmImage(dir);
        for (Path required : new Path[]{image.disk(), image.initrd(), dir.resolve("cmdline")}) {
            if (!Files.isRegularFile(required)) {
                throw new LauncherException("the VM image in " + dir + " is incomplete: " + required.getFileName() + " is missing");
            }
        }
        return image;
    }

    Path disk() {
        return dir.resolve("disk.img");
    }

    /** The uncompressed kernel with its PVH entry where the build made one (no decompression in the guest), else vmlinuz. */
    Path kernel() {
        Path vmlinux = dir.resolve("vmlinux");
        return Files.isRegularFile(vmlinux) ? vmlinux : dir.resolve("vmlinuz");
    }

    Path initrd() {
        return dir.resolve("initrd.img");
    }

    String cmdline() throws IOException {
        return Files.readString(dir.resolve("cmdline")).strip();
    }
}
