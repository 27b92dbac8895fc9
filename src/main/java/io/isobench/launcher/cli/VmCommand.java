package io.isobench.launcher.cli;

import io.isobench.launcher.core.Rounds;
import io.isobench.launcher.kind.vm.VmEnvironment;
import io.isobench.launcher.kind.vm.VmOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code isobench vm}: runs the suite in a QEMU virtual machine into {@code RUN_DIR/vm-kvm/} or {@code vm-tcg/}. */
@Command(name = "vm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the suite in a QEMU/KVM virtual machine (TCG emulation where /dev/kvm is missing).")
public final class VmCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Mixin
    VmOptions vm;

    @Mixin
    NeighbourOptions neighbours;

    @Override
    public Integer call() throws Exception {
        VmEnvironment environment = new VmEnvironment(vm);
        List<Rounds.Planned> plan = neighbours.expand(List.of(Rounds.Planned.of(environment)));
        options.check(); // bad input is a usage error (exit 2) even while another run holds the machine
        Rounds.preflight(plan);
        return Rounds.run(plan, options.toSpec());
    }
}
