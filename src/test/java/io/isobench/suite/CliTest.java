package io.isobench.suite;

import io.isobench.schema.ExitCode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CliTest {

    @Command(name = "tool")
    static final class Tool implements Callable<Integer> {
        @Option(names = "--cpus")
        double cpus;

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Test
    void aUsageErrorIsOneLineThatSaysWhereTheUsageIs() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Cli.execute(new Tool(), "isobench", "--cpus", "abc");
        } finally {
            System.setErr(saved);
        }
        assertEquals(ExitCode.BAD_INPUT, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertEquals("isobench: Invalid value for option '--cpus': 'abc' is not a double (see 'tool --help')",
                text.strip());
    }

    @Command(name = "top", mixinStandardHelpOptions = true, subcommands = Tool.class)
    static final class Top implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void versionNamesIsobenchWhereACommandNamesNone() {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Cli.execute(new Top(), "isobench", "--version");
        } finally {
            System.setOut(saved);
        }
        assertEquals(ExitCode.DONE, code);
        // No jar manifest in the test classes: the version is a development build's.
        assertEquals("isobench (development build)", out.toString(StandardCharsets.UTF_8).strip());
    }
}
