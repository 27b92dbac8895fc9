package io.isobench.launcher.kind.vm;

import io.isobench.launcher.core.ImageRecipes;
import io.isobench.launcher.core.JvmRuntime;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Processes;
import io.isobench.launcher.core.Progress;
import io.isobench.support.BenchDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The prepared image from {@code vm-images/build.sh vm}: a read-only base disk, a kernel, an initrd and a command line.
 * A cached image that no longer matches what was built (see {@link ImageCheck}) is removed and built again.
 * {@link #withRuntime} and {@link #withJar} give the image as a Java service would ship it: the same kernel and initrd
 * on a disk chain base (raw) → + the JVM runtime (a qcow2 layer cached beside the base by runtime hash) → + the jar (a
 * qcow2 layer for one run), each made by {@link DiskLayer} without booting.
 *
 * @param disk the disk a boot's overlay lies on: the base, or the top of its chain of layers
 * @param diskFormat raw (the base) or qcow2 (a layer)
 */
record VmImage(Path dir, Path disk, String diskFormat) {

    /** Where the runtime and the jar are on the guest's disk. */
    static final String OPT = "/opt/isobench";
    /** How a VM's image as shipped is compressed, as the footprint says it. */
    static final String COMPRESSION = "qemu-img convert -c -O qcow2";

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
        VmImage image = new VmImage(dir, dir.resolve("disk.img"), "raw");
        for (Path required : new Path[]{image.disk(), image.initrd(), dir.resolve("cmdline")}) {
            if (!Files.isRegularFile(required)) {
                throw new LauncherException("the VM image in " + dir + " is incomplete: " + required.getFileName() + " is missing");
            }
        }
        return image;
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

    /**
     * This image with the runtime in {@value #OPT}{@code /runtime}: a layer on this disk, {@code runtime-<hash>.qcow2}
     * beside the base, made when missing or when {@code qemu-img check} finds it damaged.
     */
    VmImage withRuntime(JvmRuntime runtime) throws LauncherException, InterruptedException {
        String hash;
        try {
            hash = runtime.contentSha256().substring(0, 12);
        } catch (IOException e) {
            throw new LauncherException("cannot hash the JVM runtime in " + runtime.home() + ": " + e.getMessage(), e);
        }
        Path layer = dir.resolve("runtime-" + hash + ".qcow2");
        if (Files.isRegularFile(layer)) {
            Processes.Result check = Processes.run(List.of("qemu-img", "check", "-q", layer.toString()), 120);
            if (check.exitCode() == 0) {
                return new VmImage(dir, layer, "qcow2");
            }
            Progress.warn("the runtime layer " + layer + " is damaged (" + check.output().strip().lines().findFirst()
                    .orElse("qemu-img check exit " + check.exitCode()) + "): making it again");
        }
        DiskLayer.sweep(dir);
        long start = System.nanoTime();
        DiskLayer.make(disk, diskFormat, List.of(OPT), List.of(new DiskLayer.Addition(runtime.home(), OPT + "/runtime")),
                layer);
        Progress.say("made " + layer.getFileName() + " (the VM disk + the JVM runtime) in "
                + String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9));
        return new VmImage(dir, layer, "qcow2");
    }

    /** This image with the jar at {@value #OPT}{@code /benchmarks.jar}: a layer in {@code workDir}, for one run. */
    VmImage withJar(Path jar, Path workDir) throws LauncherException, InterruptedException {
        Path layer = workDir.resolve("jar.qcow2");
        DiskLayer.make(disk, diskFormat, List.of(), List.of(new DiskLayer.Addition(jar, OPT + "/benchmarks.jar")), layer);
        return new VmImage(dir, layer, "qcow2");
    }

    /**
     * Bytes of this image's disk chain flattened and compressed ({@value #COMPRESSION}), into a temporary file in
     * {@code workDir} that is removed at once.
     */
    long compressedBytes(Path workDir) throws LauncherException, InterruptedException {
        Path out = workDir.resolve("compressed-" + System.nanoTime() + ".qcow2");
        try {
            Processes.Result converted = Processes.run(List.of("qemu-img", "convert", "-c", "-f", diskFormat, "-O", "qcow2",
                    disk.toString(), out.toString()), 1800);
            if (converted.exitCode() != 0) {
                throw new LauncherException("qemu-img convert -c failed: " + converted.output().strip());
            }
            return Files.size(out);
        } catch (IOException e) {
            throw new LauncherException("cannot measure the compressed image: " + e.getMessage(), e);
        } finally {
            BenchDir.deleteRecursively(out);
        }
    }
}
