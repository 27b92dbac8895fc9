package io.isobench.launcher.vm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** KVM or TCG, and the QEMU options that go with each. */
final class Accel {

    private static final Path KVM = Path.of("/dev/kvm");

    private Accel() {
    }

    static boolean kvmUsable() {
        return Files.exists(KVM) && Files.isReadable(KVM) && Files.isWritable(KVM);
    }

    static List<String> qemuArgs(String accel) {
        return accel.equals("kvm")
                ? List.of("-accel", "kvm", "-cpu", "host")
                : List.of("-accel", "tcg", "-cpu", "max");
    }

    /** How much slower than the host a run may be before it counts as hung. */
    static double slowdown(String accel) {
        return accel.equals("kvm") ? 1.5 : 30;
    }
}
