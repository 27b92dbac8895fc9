package io.isobench.launcher.kind.vm;

import io.isobench.launcher.core.Availability;
import io.isobench.launcher.core.Environment;
import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.Kind;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Rounds;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** QEMU virtual machines booted from the image under vm-images/, under KVM where a vCPU starts, else TCG. */
public final class VmKind implements Kind {

    private final BenchOptions bench = new BenchOptions();
    private final DensityOptions density = new DensityOptions();

    /** The main job's VM options. */
    static final class BenchOptions {
        @Option(names = "--vm-networks", defaultValue = "auto",
                description = "Comma-separated networks of the VM: tap (vm-ACCEL), user (QEMU's slirp, vm-ACCEL-user) or auto "
                        + "(tap where a tap device can be made, else user with the reason) (default: ${DEFAULT-VALUE}). "
                        + "tap,user measures both paths in one run.")
        String networks;
    }

    /** Density's VM options. */
    static final class DensityOptions {
        @Option(names = "--vm-memory", defaultValue = "1024", description = "Guest memory in MiB (default: ${DEFAULT-VALUE}).")
        int memoryMib;

        @Option(names = "--vm-vcpus", defaultValue = "1", description = "Virtual CPUs per guest (default: ${DEFAULT-VALUE}).")
        int vcpus;
    }

    @Override
    public String id() {
        return "vm";
    }

    @Override
    public Object benchOptions() {
        return bench;
    }

    @Override
    public Object densityOptions() {
        return density;
    }

    @Override
    public List<Rounds.Planned> plan(List<String> words, boolean named) {
        List<String> networks = Arrays.stream(bench.networks.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("--vm-networks names no network (use tap, user or auto)");
        }
        Optional<String> missing = missing();
        if (missing.isPresent()) {
            return List.of(new Rounds.Planned(Environment.named("vm"), missing));
        }
        List<Rounds.Planned> plan = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String network : networks) {
            VmEnvironment vm = new VmEnvironment(VmOptions.defaults().withNetwork(network));
            if (!names.add(vm.name())) {
                throw new IllegalArgumentException("--vm-networks " + bench.networks + " names " + vm.name()
                        + " twice (auto is tap where a tap device can be made, else user)");
            }
            plan.add(Rounds.Planned.of(vm));
        }
        return plan;
    }

    @Override
    public List<String> idleNames() {
        return List.of("vm");
    }

    @Override
    public String idleName(Environment environment) {
        return "vm";
    }

    @Override
    public boolean guests() {
        return true;
    }

    @Override
    public IdleKind openIdle(String name, Idle idle) throws LauncherException, InterruptedException {
        return IdleGuests.open(density.memoryMib, density.vcpus, idle.pageReporting(), idle.jvm(), idle.jar(),
                idle.runDir().resolve("density-consoles"));
    }

    /** Why no VM can run here (QEMU, qemu-img or debootstrap missing), or empty. */
    public static Optional<String> missing() {
        return Availability.onPath("qemu-system-x86_64", "/usr/bin/qemu-system-x86_64")
                .or(() -> Availability.onPath("qemu-img", "/usr/bin/qemu-img"))
                .or(() -> Availability.onPath("debootstrap", "/usr/sbin/debootstrap"));
    }
}
