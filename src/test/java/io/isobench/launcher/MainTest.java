package io.isobench.launcher;

import io.isobench.schema.ExitCode;
import io.isobench.suite.Cli;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands as {@code isobench} assembles them: every registered kind adds its options to bench and density. */
class MainTest {

    @Test
    void benchHelpShowsEveryKindsOptions() {
        String help = run(ExitCode.DONE, "bench", "--help");
        assertTrue(help.contains("--container-variants"), help);
        assertTrue(help.contains("--vm-networks"), help);
        assertTrue(help.contains("--envs"), help);
    }

    @Test
    void densityHelpShowsEveryKindsOptions() {
        String help = run(ExitCode.DONE, "density", "--help");
        assertTrue(help.contains("--image"), help);
        assertTrue(help.contains("--vm-memory"), help);
        assertTrue(help.contains("--vm-vcpus"), help);
    }

    @Test
    void anUnknownEnvironmentNamesTheRegisteredKinds() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(ExitCode.BAD_INPUT, Cli.execute(new Main(), "isobench", Main.external(), "bench", "--envs", "lxc"));
        } finally {
            System.setErr(saved);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("isobench: unknown environment 'lxc' in --envs (use host, host-NAME, container, vm"),
                message);
        assertEquals(1, message.strip().lines().count(), message);
    }

    @Test
    void thePlanSaysWhatWillRunAndStartsNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        java.nio.file.Path out = tmp.resolve("planned-run");
        String plan = run(ExitCode.DONE, "bench", "--plan", "--envs", "host", "--profile", "smoke", "--rounds", "2",
                "--density", "0", "--include", "io\\.isobench\\.syscall\\.ParentPidGetBenchmark", "--out", out.toString());
        assertTrue(plan.startsWith("plan: smoke profile, 2 rounds of 1 class;"), plan);
        assertTrue(plan.contains("host   2 rounds     2 steps  about"), plan);
        assertTrue(plan.contains("total: 2 steps"), plan);
        assertTrue(java.nio.file.Files.notExists(out), "--plan made the run directory");
    }

    @Test
    void aPrecisionsPilotIsTenRoundsUnlessRoundsSays() {
        String plan = run(ExitCode.DONE, "bench", "--plan", "--envs", "host", "--profile", "smoke", "--density", "0",
                "--include", "io\\.isobench\\.syscall\\.ParentPidGetBenchmark", "--precision", "5", "--budget", "20m");
        assertTrue(plan.startsWith("plan: smoke profile, 10 rounds of 1 class;"), plan);
        assertTrue(plan.contains("precision \u00b15 %: these rounds are the pilot"), plan);
        String asked = run(ExitCode.DONE, "bench", "--plan", "--envs", "host", "--profile", "smoke", "--rounds", "6",
                "--density", "0", "--include", "io\\.isobench\\.syscall\\.ParentPidGetBenchmark", "--precision", "5",
                "--budget", "20m");
        assertTrue(asked.startsWith("plan: smoke profile, 6 rounds of 1 class;"), asked);
        assertFalse(plan.contains("ends after six rounds"), "ten rounds of one class fit two thirds of 20 minutes: " + plan);
        String tight = run(ExitCode.DONE, "bench", "--plan", "--envs", "host", "--profile", "smoke", "--density", "0",
                "--include", "io\\.isobench\\.syscall\\.ParentPidGetBenchmark", "--precision", "5", "--budget", "30s");
        assertTrue(tight.contains("it ends after six rounds or more where another would pass 20 s"), tight);
        String six = run(ExitCode.DONE, "bench", "--plan", "--envs", "host", "--profile", "smoke", "--rounds", "6",
                "--density", "0", "--include", "io\\.isobench\\.syscall\\.ParentPidGetBenchmark", "--precision", "5",
                "--budget", "30s");
        assertFalse(six.contains("ends after six rounds"), "a pilot of six does not end early: " + six);
    }

    /** picocli formats descriptions with String.format: a bare '%' prints a "[picocli WARN]" above the help. */
    @Test
    void everyCommandsHelpFormatsWithoutAWarning() {
        picocli.CommandLine top = new picocli.CommandLine(new Main());
        for (Object sub : Main.external()) {
            top.addSubcommand(sub);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int commands = 0;
        StringBuilder help = new StringBuilder();
        try {
            java.util.Deque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(java.util.List.of(top));
            while (!todo.isEmpty()) {
                picocli.CommandLine command = todo.pop();
                todo.addAll(command.getSubcommands().values());
                help.append(command.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF));
                commands++;
            }
        } finally {
            System.setErr(saved);
        }
        assertTrue(commands >= 7, "every command: " + commands);
        assertTrue(help.toString().contains("\u00b1PCT %:"), "the precision option's help");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    private static String run(int expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expected, Cli.execute(new Main(), "isobench", Main.external(), args));
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
