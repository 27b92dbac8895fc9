package io.isobench.launcher.kind.vm;

import picocli.CommandLine.Option;

import java.util.List;

/** The VM's shape and devices, recorded in the fingerprint's variant. */
public final class VmOptions {

    @Option(names = "--vcpus", description = "Virtual CPUs (default: all host cores).")
    Integer cpus;

    @Option(names = "--memory", defaultValue = "2048", description = "Guest memory in MiB (default: ${DEFAULT-VALUE}).")
    int memoryMib;

    @Option(names = "--disk-cache", defaultValue = "none",
            description = "none (O_DIRECT on the host, with aio=native) or writeback (default: ${DEFAULT-VALUE}).")
    String diskCache;

    @Option(names = "--network", defaultValue = "auto",
            description = "tap (a tap device made for the run, with vhost-net where /dev/vhost-net opens; needs "
                    + "CAP_NET_ADMIN and /dev/net/tun), user (QEMU's user-mode network, slirp; labelled vm-ACCEL-user) or "
                    + "auto (tap where it can be made, else user with the reason) (default: ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--accel", defaultValue = "auto", description = "auto (kvm where /dev/kvm is usable, else tcg), kvm or tcg.")
    String accel;

    /** A virtio balloon device with free page reporting (isobench density's -fpr series); not a run option. */
    boolean pageReporting;

    /** The defaults, as the main job uses them. */
    public static VmOptions defaults() {
        VmOptions options = new VmOptions();
        options.memoryMib = 2048;
        options.diskCache = "none";
        options.network = "auto";
        options.accel = "auto";
        return options.validate();
    }

    /** These options with another {@code --network} (auto, tap or user), checked. */
    public VmOptions withNetwork(String network) {
        VmOptions copy = new VmOptions();
        copy.cpus = cpus;
        copy.memoryMib = memoryMib;
        copy.diskCache = diskCache;
        copy.accel = accel;
        copy.network = network;
        copy.pageReporting = pageReporting;
        return copy.validate();
    }

    public VmOptions validate() {
        if (cpus != null && cpus < 1) {
            throw new IllegalArgumentException("--vcpus must be at least 1, got " + cpus);
        }
        if (memoryMib < 768) {
            throw new IllegalArgumentException("--memory must be at least 768 (MiB): the JMH forks get a 512 MiB heap");
        }
        if (!List.of("none", "writeback").contains(diskCache)) {
            throw new IllegalArgumentException("--disk-cache must be none or writeback, got '" + diskCache + "'");
        }
        if (!List.of("auto", "user", "tap").contains(network)) {
            throw new IllegalArgumentException("--network must be auto, tap or user, got '" + network + "'");
        }
        if (!List.of("auto", "kvm", "tcg").contains(accel)) {
            throw new IllegalArgumentException("--accel must be auto, kvm or tcg, got '" + accel + "'");
        }
        return this;
    }

    public int cpus() {
        return cpus != null ? cpus : Runtime.getRuntime().availableProcessors();
    }

    public int memoryMib() {
        return memoryMib;
    }

    public String diskCache() {
        return diskCache;
    }

    public String network() {
        return network;
    }

    public boolean pageReporting() {
        return pageReporting;
    }

    /**
     * The network that will be used: tap where asked for or, with auto, where a tap device can be made here (else
     * QEMU's user-mode network, with the reason said once); user where asked for.
     */
    public String resolvedNetwork() {
        if (!network.equals("auto")) {
            return network;
        }
        return VmNetwork.tapProblem().map(problem -> {
            io.isobench.launcher.core.Progress.warn("no tap device for the VM here (" + problem + "): it uses QEMU's user-mode "
                    + "network (slirp) instead, labelled vm-ACCEL-user");
            return "user";
        }).orElse("tap");
    }

    /** The acceleration that will be used: kvm only where /dev/kvm can be opened. */
    public String resolvedAccel() {
        boolean kvm = Accel.kvmUsable();
        return switch (accel) {
            case "kvm" -> {
                if (!kvm) {
                    throw new IllegalArgumentException("--accel kvm asked for, but " + Accel.kvmProblem().orElse("KVM is unusable"));
                }
                yield "kvm";
            }
            case "tcg" -> "tcg";
            default -> kvm ? "kvm" : "tcg";
        };
    }

    /** The variant as recorded: acceleration, then shape and devices ({@code network}: user, tap or tap-vhost). */
    public String variant(String accel, String network) {
        return accel + "-" + cpus() + "cpu-" + memoryMib + "m-cache" + diskCache + "-" + network;
    }
}
