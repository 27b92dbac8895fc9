package io.isobench.launcher;

import io.isobench.launcher.ScriptSandbox.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every script answers {@code --help} and {@code --version} at once, before it builds, installs or starts anything, and
 * {@code scripts/isobench} hands each command to its script. The scripts are those under {@code scripts/} and directly
 * in {@code vm-images/} (not {@code vm-images/recipe/}, the guest's own files) that start with {@code #!}, so a new one
 * is covered without naming it here. Each runs in a {@link ScriptSandbox}: from a copy without {@code target/}, with
 * stubs of the programs the scripts build, install and start with, none of which may be called.
 */
class ScriptHelpTest {

    /** The commands of scripts/isobench and the scripts that run them. */
    static final Map<String, String> COMMANDS = Map.of("bench", "bench.sh", "host", "run-host.sh",
            "container", "run-container.sh", "vm", "run-vm.sh", "density", "density.sh", "compare", "compare.sh",
            "fleet", "fleet.sh");
    /** How long a script may take to answer. */
    static final long LIMIT_SECONDS = 2;

    @RegisterExtension
    static final ScriptSandbox sandbox = new ScriptSandbox();

    /** The scripts, as paths relative to the repository. */
    static List<String> scripts() throws IOException {
        List<String> scripts = new ArrayList<>();
        for (Path file : ScriptSandbox.scriptDirectoryFiles()) {
            if (ScriptSandbox.startsWithShebang(file)) {
                scripts.add(ScriptSandbox.PROJECT.relativize(file).toString());
            }
        }
        scripts.sort(null);
        return scripts;
    }

    static Stream<Arguments> scriptsAndOptions() throws IOException {
        return scripts().stream().flatMap(script -> Stream.of(Arguments.of(script, "--help"), Arguments.of(script, "--version")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scriptsAndOptions")
    void everyScriptAnswersHelpAndVersionAtOnce(String script, String option) throws Exception {
        Outcome outcome = run(script, option);
        assertEquals(0, outcome.exitCode(), script + " " + option + ": " + outcome + sandbox.stubCalls());
        assertEquals("", outcome.stderr(), script + " " + option);
        if (option.equals("--help")) {
            String name = Path.of(script).getFileName().toString();
            assertTrue(outcome.stdout().contains(name), script + " --help does not name " + name + ":\n" + outcome.stdout());
            assertTrue(outcome.stdout().lines().count() >= 2, script + " --help: " + outcome.stdout());
        } else {
            assertEquals("isobench " + ScriptSandbox.pomVersion(), outcome.stdout().strip(), script + " --version");
        }
        sandbox.assertNothingRan(script + " " + option);
    }

    @Test
    void theStubsCatchWhatAScriptWithoutTheHelperWouldRun() throws Exception {
        // A copy of run-container.sh that starts work at once, as every script did before it answered --help.
        String guarded = Files.readString(sandbox.copy().resolve("scripts/run-container.sh"));
        String text = guarded.replace("  handle_help_and_version \"$@\"\n", "");
        assertFalse(text.equals(guarded), "run-container.sh no longer calls handle_help_and_version first in main");
        Path unguarded = sandbox.copy().resolve("scripts/unguarded-run-container");
        Files.writeString(unguarded, text);
        Outcome outcome = run("scripts/unguarded-run-container", "--help");
        Files.delete(unguarded);
        assertFalse(outcome.exitCode() == 0, outcome.toString());
        assertTrue(sandbox.calls().startsWith("mvn "), "the mvn stub did not see the build: " + outcome);
    }

    @Test
    void isobenchListsItsCommands() throws Exception {
        Outcome outcome = run("scripts/isobench", "--help");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        for (String command : COMMANDS.keySet()) {
            assertTrue(Pattern.compile("(?m)^\\s+" + command + "\\s").matcher(outcome.stdout()).find(),
                    "isobench --help does not list " + command + ":\n" + outcome.stdout());
        }
        sandbox.assertNothingRan("isobench --help");
    }

    @Test
    void isobenchHandsEachCommandToItsScript() throws Exception {
        for (Map.Entry<String, String> command : COMMANDS.entrySet()) {
            Outcome help = run("scripts/isobench", command.getKey(), "-h");
            assertEquals(0, help.exitCode(), "isobench " + command.getKey() + " -h: " + help);
            assertTrue(help.stdout().contains("scripts/" + command.getValue()),
                    "isobench " + command.getKey() + " -h is not " + command.getValue() + "'s usage:\n" + help.stdout());
            Outcome version = run("scripts/isobench", command.getKey(), "-V");
            assertEquals("isobench " + ScriptSandbox.pomVersion(), version.stdout().strip(), "isobench " + command.getKey() + " -V");
        }
        sandbox.assertNothingRan("isobench COMMAND -h, -V");
    }

    @Test
    void anUnknownOrMissingCommandIsOneLineAndExit2() throws Exception {
        Outcome unknown = run("scripts/isobench", "frobnicate", "--out", "x");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertEquals("", unknown.stdout());
        assertEquals(1, unknown.stderr().lines().count(), unknown.stderr());
        assertTrue(unknown.stderr().contains("unknown command 'frobnicate'"), unknown.stderr());
        Outcome none = run("scripts/isobench");
        assertEquals(2, none.exitCode(), none.toString());
        assertEquals(1, none.stderr().lines().count(), none.stderr());
        sandbox.assertNothingRan("isobench frobnicate");
    }

    private static Outcome run(String script, String... args) throws IOException, InterruptedException {
        return sandbox.runScript(LIMIT_SECONDS, script, args);
    }
}
