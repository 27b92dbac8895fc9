package io.isobench.suite;

import io.isobench.schema.ExitCode;
import picocli.CommandLine;

import java.util.Objects;

/**
 * Runs a picocli command the way every isobench entry point does: bad input gives one line on stderr (the problem and
 * where to find the usage) and {@link ExitCode#BAD_INPUT}, never a stack trace.
 */
public final class Cli {

    private Cli() {
    }

    public static int execute(Object command, String name, String... args) {
        return execute(command, name, new Object[0], args);
    }

    /**
     * The same, with more subcommands added to the top command. {@code command} and the subcommands may be picocli
     * {@link CommandLine}s already (commands whose options are added at run time).
     */
    public static int execute(Object command, String name, Object[] subcommands, String... args) {
        CommandLine commandLine = command instanceof CommandLine made ? made : new CommandLine(command);
        for (Object subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
        versionWhereMissing(commandLine);
        commandLine.setParameterExceptionHandler((e, a) -> {
            System.err.println(name + ": " + Objects.requireNonNullElse(e.getMessage(), "bad arguments").strip()
                    .replaceAll("\\s*\\R\\s*", "; ") + " (see '" + qualifiedName(e.getCommandLine()) + " --help')");
            return ExitCode.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            if (e.getMessage() == null || e instanceof NullPointerException || e instanceof ClassCastException
                    || e instanceof IndexOutOfBoundsException) {
                System.err.println(name + ": internal error: " + e);
                return ExitCode.FAILURE;
            }
            System.err.println(name + ": " + e.getMessage());
            return e instanceof IllegalArgumentException ? ExitCode.BAD_INPUT : ExitCode.FAILURE;
        });
        return commandLine.execute(args);
    }

    /**
     * {@code -V}/{@code --version} of a command that names no version of its own (picocli prints an empty line for
     * those): {@code isobench VERSION}, the jar's Implementation-Version, for it and its subcommands.
     */
    static void versionWhereMissing(CommandLine commandLine) {
        var spec = commandLine.getCommandSpec();
        if (spec.versionProvider() == null && spec.version().length == 0) {
            String version = Cli.class.getPackage().getImplementationVersion();
            spec.version("isobench " + (version == null ? "(development build)" : version));
        }
        commandLine.getSubcommands().values().forEach(Cli::versionWhereMissing);
    }

    /** {@code isobench container} for a subcommand: what to put before {@code --help}. */
    private static String qualifiedName(CommandLine commandLine) {
        StringBuilder name = new StringBuilder(commandLine.getCommandName());
        for (CommandLine parent = commandLine.getParent(); parent != null; parent = parent.getParent()) {
            name.insert(0, parent.getCommandName() + " ");
        }
        return name.toString();
    }
}
