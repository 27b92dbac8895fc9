package io.isobench.launcher.kind.vm;

import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Processes;
import io.isobench.suite.RunBudget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * KVM or TCG, and the QEMU options that go with each. KVM counts as usable only when QEMU can really start a KVM
 * vCPU: a /dev/kvm node can exist where KVM does not work (seen on a nested-virtualization host whose CPU lacks
 * vmx/svm: QEMU aborts with "failed to set MSR").
 */
final class Accel {

    private static final Path KVM = Path.of("/dev/kvm");
    private static Optional<String> kvmProblem;

    private Accel() {
    }

    static boolean kvmUsable() {
        return kvmProblem().isEmpty();
    }

    /** Why KVM cannot be used here, if it cannot; probed once per launcher. */
    static synchronized Optional<String> kvmProblem() {
        if (kvmProblem == null) {
            kvmProblem = probe();
        }
        return kvmProblem;
    }

    private static Optional<String> probe() {
        if (!Files.exists(KVM)) {
            return Optional.of("/dev/kvm does not exist");
        }
        if (!Files.isReadable(KVM) || !Files.isWritable(KVM)) {
            return Optional.of("/dev/kvm is not readable and writable by this user");
        }
        try {
            // Create a KVM vCPU, paused, and quit at once: fails within a second where KVM is broken.
            Processes.Result qemu = Processes.run(List.of("qemu-system-x86_64", "-accel", "kvm", "-cpu", "host", "-M", "q35",
                    "-nodefaults", "-display", "none", "-S", "-monitor", "stdio"), 20, "quit\n", true);
            if (qemu.exitCode() != 0) {
                String reason = qemu.output().lines().filter(l -> l.contains("error") || l.contains("failed"))
                        .findFirst().orElse("exit " + qemu.exitCode());
                return Optional.of("QEMU cannot start a KVM vCPU (" + reason.replace("(qemu) ", "").strip() + ")");
            }
            return Optional.empty();
        } catch (LauncherException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while probing KVM");
        }
    }

    /**
     * KVM with the host's CPU; or TCG with one host thread for all vCPUs. Multi-threaded TCG crashed a JMH fork
     * here with SIGILL at the entry of a JIT-compiled method (HotSpot patches method entries while other vCPUs run
     * them: cross-modifying code), so the emulated guest runs its vCPUs round-robin, and TCG stays slower still.
     */
    static List<String> qemuArgs(String accel) {
        return accel.equals("kvm")
                ? List.of("-accel", "kvm", "-cpu", "host")
                : List.of("-accel", "tcg,thread=single", "-cpu", "max");
    }

    /**
     * How much slower than the host a fork's start-up may be before the run counts as hung (see RunBudget). Under
     * single-threaded TCG a smoke fork took about 10 s here, against about 1 s on the host.
     */
    static double slowdown(String accel) {
        return accel.equals("kvm") ? RunBudget.NATIVE_SLOWDOWN : 10;
    }
}
