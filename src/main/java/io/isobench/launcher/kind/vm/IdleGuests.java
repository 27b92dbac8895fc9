package io.isobench.launcher.kind.vm;

import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.JvmRuntime;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Processes;
import io.isobench.launcher.core.Progress;
import io.isobench.launcher.core.Workspace;
import io.isobench.network.EchoPeer;
import io.isobench.support.BenchDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Idle VMs for {@code isobench density}: each boots the image on its own overlay with QEMU's user-mode network and runs
 * an EchoPeer JVM from the 9p share on the guest's loopback. The runtime and the jar are copied once into one share
 * that all guests read; each guest's console goes to {@code <label>-<n>.console.log} in the console directory.
 */
public final class IdleGuests implements IdleKind {

    private static final int PEER_PORT = 7000;

    private final VmImage image;
    private final VmOptions options;
    private final String accel;
    private final Path work;
    private final Path share;
    private final Path consoles;

    private IdleGuests(VmImage image, VmOptions options, String accel, Path work, Path share, Path consoles) {
        this.image = image;
        this.options = options;
        this.accel = accel;
        this.work = work;
        this.share = share;
        this.consoles = consoles;
    }

    /**
     * Prepares the image and the shared directory; one-line LauncherException when QEMU or the image is missing. With
     * {@code pageReporting} each guest gets a virtio balloon device with free page reporting, and the series is
     * labelled {@code -fpr}.
     */
    public static IdleGuests open(int memoryMib, int cpus, boolean pageReporting, JvmRuntime jvm, Path jar, Path consoles)
            throws LauncherException, InterruptedException {
        VmOptions options = VmOptions.defaults();
        options.memoryMib = memoryMib;
        options.cpus = cpus;
        options.pageReporting = pageReporting;
        options.validate();
        String accel = options.resolvedAccel();
        VmImage image = VmImage.ensure();
        Path work = null;
        try {
            Files.createDirectories(Workspace.cacheDir());
            VmEnvironment.sweepStaleWorkDirs(Workspace.cacheDir());
            work = Files.createTempDirectory(Workspace.cacheDir(),
                    VmEnvironment.WORK_PREFIX + ProcessHandle.current().pid() + "-");
            Path share = Files.createDirectory(work.resolve("share"));
            VmEnvironment.copyTree(jvm.home(), share.resolve("runtime"));
            Files.copy(jar, share.resolve("benchmarks.jar"));
            Files.writeString(share.resolve("run.sh"), "#!/bin/sh\nexec /share/runtime/bin/java -cp /share/benchmarks.jar "
                    + EchoPeer.class.getName() + " --port " + PEER_PORT + " --bind 127.0.0.1\n");
            Files.createDirectories(consoles);
            return new IdleGuests(image, options, accel, work, share, consoles);
        } catch (IOException e) {
            if (work != null) {
                BenchDir.deleteRecursively(work);
            }
            throw new LauncherException("cannot prepare the VMs' share: " + e.getMessage(), e);
        }
    }

    @Override
    public String label() {
        return "vm-" + accel + (options.pageReporting() ? "-fpr" : "");
    }

    @Override
    public String kind() {
        return "vm";
    }

    @Override
    public List<String> notes() {
        String emulation = accel.equals("tcg")
                ? "QEMU under TCG: the CPU is EMULATED (no KVM here); memory is QEMU's and the guest's, start times are emulation"
                : "QEMU with KVM";
        List<String> notes = new java.util.ArrayList<>(List.of(emulation, options.cpus() + " vCPU, " + options.memoryMib()
                + " MiB guest memory, user-mode network", "the runtime and the jar read from one 9p share; host processes: QEMU"));
        if (options.pageReporting()) {
            notes.add("free page reporting on (virtio-balloon, free-page-reporting=on): each guest hands the pages it frees "
                    + "back to the host, which drops them");
        }
        return notes;
    }

    @Override
    public Started start(int index) throws LauncherException, InterruptedException {
        long timeout = accel.equals("kvm") ? 120 : 600;
        VmNetwork network = VmNetwork.open("user");
        Path console = consoles.resolve(label() + "-" + index + ".console.log");
        Progress.say(label() + ": booting VM " + index + " (console: " + console + ")");
        Guest guest = null;
        try {
            guest = Guest.boot(image, options, accel, network, work, share, console, false, List.of(EchoPeer.READY));
            double millis = guest.awaitMarker(EchoPeer.READY, timeout);
            if (millis < 0) {
                throw new LauncherException("VM " + index + ": " + guest.failure(EchoPeer.READY, timeout));
            }
            if (options.pageReporting() && !guest.sawMarker(Guest.PAGE_REPORTING)) {
                throw new LauncherException("VM " + index + ": the guest did not negotiate free page reporting (its "
                        + "init prints " + Guest.PAGE_REPORTING + " when its virtio_balloon driver did)");
            }
            Guest booted = guest;
            return IdleKind.started(millis, () -> Processes.pssBytes(booted.pid()), () -> VmEnvironment.stop(booted, network));
        } catch (LauncherException | InterruptedException | RuntimeException e) {
            VmEnvironment.stop(guest, network);
            throw e;
        }
    }


    /** Removes the work directory (overlays, share); QEMU processes are ended with their instances. */
    @Override
    public void close() {
        BenchDir.deleteRecursively(work);
    }
}
