package io.isobench.suite;

import picocli.CommandLine;

/**
 * Runs a picocli command the way every isobench entry point does: bad input gives one line on stderr and
 * exit code 2, never a stack trace.
 */
public final class Cli {

    private Cli() {
    }

    public static int execute(Object command, String name, String... args) {
        return execute(command, name, new Object[0], args);
    }

    /** The same, with more subcommands added to the top command. */
    public static int execute(Object command, String name, Object[] subcommands, String... args) {
        CommandLine commandLine = new CommandLine(command);
        for (Object subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setParameterExceptionHandler((e, a) -> {
            System.err.println(name + ": " + e.getMessage());
            System.err.println("Try '" + name + " --help' for usage.");
            return SuiteMain.EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            if (e.getMessage() == null || e instanceof NullPointerException || e instanceof ClassCastException
                    || e instanceof IndexOutOfBoundsException) {
                System.err.println(name + ": internal error: " + e);
                return 1;
            }
            System.err.println(name + ": " + e.getMessage());
            return e instanceof IllegalArgumentException ? SuiteMain.EXIT_USAGE : 1;
        });
        return commandLine.execute(args);
    }
}
