package io.isobench.launcher;

import io.isobench.compare.CompareCommand;
import io.isobench.launcher.cli.BenchCommand;
import io.isobench.launcher.cli.ContainerCommand;
import io.isobench.launcher.cli.HostCommand;
import io.isobench.launcher.cli.VmCommand;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.density.DensityCommand;
import io.isobench.launcher.fleet.FleetCommand;
import io.isobench.launcher.fleet.FleetTaskCommand;
import io.isobench.suite.Cli;
import io.isobench.suite.ConsoleText;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;

/**
 * {@code isobench}: run the suite on the host, in a container or in a VM, run the whole matrix, or compare
 * results. {@code java -jar target/isobench.jar COMMAND --help} tells more.
 */
@Command(name = "isobench", mixinStandardHelpOptions = true,
        description = "What isolation costs: one JMH suite on the host, in a container and in a VM.",
        subcommands = {HostCommand.class, ContainerCommand.class, VmCommand.class, FleetCommand.class, FleetTaskCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("a command is required: bench, fleet, host, container, vm, density or compare (see --help)");
    }

    public static void main(String[] args) {
        // What the launcher prints includes what its inputs, child processes and guests say: no terminal controls.
        System.setOut(ConsoleText.cleaning(new FileOutputStream(FileDescriptor.out)));
        System.setErr(ConsoleText.cleaning(new FileOutputStream(FileDescriptor.err)));
        // A library thread that fails (e.g. Testcontainers' shutdown prune when the engine died) says one line, not
        // a stack trace; the run's own errors are reported by the commands.
        // On Ctrl-C, Testcontainers' own shutdown hook (active without Ryuk) and isobench's cleanup remove the same
        // containers; whichever comes second gets a 409 "removal ... is already in progress", which is no failure.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            String message = LauncherException.rootMessage(e);
            if (!message.contains("is already in progress")) {
                System.err.println("isobench: " + thread.getName() + ": " + message);
            }
        });
        System.exit(Cli.execute(new Main(), "isobench", external(), args));
    }

    /** The subcommands made here: those that every registered kind adds its options to, and compare. */
    static Object[] external() {
        return new Object[]{BenchCommand.commandLine(), DensityCommand.commandLine(), new CompareCommand()};
    }
}
