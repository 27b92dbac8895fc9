package io.isobench.launcher.vm;

import io.isobench.launcher.LauncherException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The prepared image from {@code vm-images/build.sh vm}: a read-only base disk, a kernel, an initrd and a command line. */
record VmImage(Path dir) {

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
