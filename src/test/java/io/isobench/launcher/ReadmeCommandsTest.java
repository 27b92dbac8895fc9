package io.isobench.launcher;

import io.isobench.launcher.ScriptSandbox.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command that README.md shows in a code block can be typed as shown: each script ({@code scripts/...}), each
 * {@code isobench COMMAND} (that is {@code scripts/isobench COMMAND}) and each {@code java -jar target/isobench.jar
 * COMMAND} answers {@code --help} with exit 0 and its usage, and that usage names every option the README gives it;
 * each {@code mvn} line's profile and {@code -Disobench.*} properties are ones pom.xml has. The commands run in a
 * {@link ScriptSandbox}, so none may build, install or start anything. The jar's commands run from this build's
 * classes with the main class that pom.xml gives {@code isobench.jar}, since {@code mvn test} runs before the jar is
 * packaged.
 */
class ReadmeCommandsTest {

    /** How long the launcher's JVM may take to print its usage. */
    private static final long JAVA_LIMIT_SECONDS = 30;
    /** A fenced code block of README.md, its body in group 1. */
    private static final Pattern CODE_BLOCK = Pattern.compile("(?ms)^```[^\\n]*\\n(.*?)^```");

    @RegisterExtension
    static final ScriptSandbox sandbox = new ScriptSandbox();

    /** How a README line starts a command. */
    enum Kind { SCRIPT, ISOBENCH, JAR, MAVEN }

    /** One command as README.md shows it: its line and the words bash would split it into. */
    record Command(String line, Kind kind, List<String> words) {

        /** The script that runs it (for SCRIPT and ISOBENCH). */
        String script() {
            return kind == Kind.ISOBENCH ? "scripts/isobench" : words.get(0);
        }

        /** The isobench command it names (for ISOBENCH and JAR), or null. */
        String subcommand() {
            int at = switch (kind) {
                case ISOBENCH -> 1;
                case JAR -> 3;
                default -> -1;
            };
            return at >= 0 && at < words.size() && !words.get(at).startsWith("-") ? words.get(at) : null;
        }

        /** The long options it passes (their names, without a value), up to a bare {@code --}. */
        List<String> options() {
            List<String> options = new ArrayList<>();
            for (String word : words) {
                if (word.equals("--")) {
                    break;
                }
                if (word.startsWith("--")) {
                    options.add(word.split("=", 2)[0]);
                }
            }
            return options;
        }

        @Override
        public String toString() {
            return line;
        }
    }

    /** The commands of README.md's code blocks, in order. */
    static List<Command> commands() throws IOException {
        return commandsIn(Files.readString(ScriptSandbox.PROJECT.resolve("README.md")));
    }

    static List<Command> scriptAndJarCommands() throws IOException {
        return commands().stream().filter(c -> c.kind() != Kind.MAVEN).toList();
    }

    /** The commands in the code blocks of a Markdown TEXT: lines (joined across a trailing backslash) that start one. */
    static List<Command> commandsIn(String text) {
        List<Command> commands = new ArrayList<>();
        Matcher block = CODE_BLOCK.matcher(text);
        while (block.find()) {
            for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
                List<String> words = words(line);
                if (words.isEmpty()) {
                    continue;
                }
                Kind kind = kindOf(words);
                if (kind != null) {
                    commands.add(new Command(line.strip(), kind, words));
                }
            }
        }
        return commands;
    }

    private static Kind kindOf(List<String> words) {
        String first = words.get(0);
        if (first.matches("scripts/[\\w./-]*\\w")) {
            return first.equals("scripts/isobench") ? Kind.ISOBENCH : Kind.SCRIPT;
        }
        if (first.equals("isobench")) {
            return Kind.ISOBENCH;
        }
        if (words.size() >= 3 && first.equals("java") && words.get(1).equals("-jar") && words.get(2).equals("target/isobench.jar")) {
            return Kind.JAR;
        }
        return first.equals("mvn") ? Kind.MAVEN : null;
    }

    /** A shell line split into words as bash would (quotes, backslashes), up to a comment. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (quote == '"' && c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void theReadmeShowsEachKindOfCommand() throws IOException {
        Set<Kind> kinds = commands().stream().map(Command::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
        assertEquals(EnumSet.allOf(Kind.class), kinds, "README.md's code blocks: " + commands());
        assertTrue(commands().stream().anyMatch(c -> c.words().equals(List.of("mvn", "verify", "-Pbench"))), "no mvn verify -Pbench");
        assertTrue(commands().stream().anyMatch(c -> c.words().equals(List.of("mvn", "verify"))), "no plain mvn verify");
    }

    @Test
    void aCodeBlockIsReadAsBashWouldSplitIt() {
        List<Command> commands = commandsIn("""
                text `scripts/not-in-a-block.sh`
                ```sh
                scripts/bench.sh --profile quick \\
                    --include 'io\\.isobench\\.(syscall|fileio)\\.'   # a comment
                isobench bench --envs=host -- -p x=1
                java -jar target/isobench.jar compare --help
                scripts/          a folder, not a command
                mvn verify -Pbench -Disobench.profile=smoke
                ```
                """);
        assertEquals(4, commands.size(), commands.toString());
        assertEquals(List.of("scripts/bench.sh", "--profile", "quick", "--include", "io\\.isobench\\.(syscall|fileio)\\."),
                commands.get(0).words());
        assertEquals(List.of("--profile", "--include"), commands.get(0).options());
        assertEquals("bench", commands.get(1).subcommand());
        assertEquals(List.of("--envs"), commands.get(1).options());
        assertEquals("compare", commands.get(2).subcommand());
        assertEquals(Kind.MAVEN, commands.get(3).kind());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scriptAndJarCommands")
    void everyCommandAnswersHelpWithItsUsageAndOptions(Command command) throws Exception {
        Outcome help = help(command);
        assertEquals(0, help.exitCode(), command + " --help: " + help + sandbox.stubCalls());
        String usage = help.stdout();
        switch (command.kind()) {
            case SCRIPT -> assertTrue(usage.contains(command.script()), command + ": not its usage:\n" + usage);
            case ISOBENCH -> {
                String expected = command.subcommand() == null ? "scripts/isobench"
                        : "scripts/" + ScriptHelpTest.COMMANDS.get(command.subcommand());
                assertTrue(command.subcommand() == null || ScriptHelpTest.COMMANDS.containsKey(command.subcommand()),
                        command + ": isobench has no command " + command.subcommand());
                assertTrue(usage.contains(expected), command + ": not " + expected + "'s usage:\n" + usage);
            }
            case JAR -> assertTrue(usage.startsWith("Usage: isobench " + command.subcommand()),
                    command + ": not the launcher's usage of " + command.subcommand() + ":\n" + usage);
            default -> throw new AssertionError(command.kind());
        }
        String known = usage + launcherUsage(command);
        for (String option : command.options()) {
            assertTrue(Pattern.compile(Pattern.quote(option) + "(?![\\w-])").matcher(known).find(),
                    command + ": " + option + " is not an option of this command; its usage:\n" + known);
        }
        sandbox.assertNothingRan(command + " --help");
    }

    @Test
    void everyMavenLineUsesWhatPomXmlDefines() throws IOException {
        String pom = Files.readString(ScriptSandbox.PROJECT.resolve("pom.xml"));
        for (Command command : commands()) {
            if (command.kind() != Kind.MAVEN) {
                continue;
            }
            for (String word : command.words()) {
                if (word.startsWith("-P")) {
                    assertTrue(pom.contains("<id>" + word.substring(2) + "</id>"), command + ": pom.xml has no profile " + word);
                } else if (word.startsWith("-Disobench.")) {
                    String property = word.substring(2).split("=", 2)[0];
                    assertTrue(pom.contains("${" + property + "}"), command + ": pom.xml passes no " + property + " on");
                }
            }
        }
    }

    /** Runs the command's help: the script's, or the launcher's from this build's classes. */
    private static Outcome help(Command command) throws IOException, InterruptedException {
        return switch (command.kind()) {
            case SCRIPT -> sandbox.runScript(ScriptHelpTest.LIMIT_SECONDS, command.script(), "--help");
            case ISOBENCH -> command.subcommand() == null
                    ? sandbox.runScript(ScriptHelpTest.LIMIT_SECONDS, command.script(), "--help")
                    : sandbox.runScript(ScriptHelpTest.LIMIT_SECONDS, command.script(), command.subcommand(), "--help");
            case JAR -> sandbox.runJava(JAVA_LIMIT_SECONDS, launcherClasspath(), launcherMainClass(),
                    command.subcommand(), "--help");
            case MAVEN -> throw new AssertionError("mvn is not run: " + command);
        };
    }

    /** Launcher usages already printed, by isobench command. */
    private static final Map<String, String> LAUNCHER_USAGE = new LinkedHashMap<>();

    /**
     * The launcher's own usage of the isobench command a script runs ({@code bench} for scripts/bench.sh), which
     * describes every option the script passes on; empty for a script of no isobench command.
     */
    private static String launcherUsage(Command command) throws IOException, InterruptedException {
        String subcommand = switch (command.kind()) {
            case SCRIPT -> ScriptHelpTest.COMMANDS.entrySet().stream()
                    .filter(e -> command.script().equals("scripts/" + e.getValue())).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            case ISOBENCH -> command.subcommand();
            default -> null;
        };
        if (subcommand == null) {
            return "";
        }
        if (!LAUNCHER_USAGE.containsKey(subcommand)) {
            Outcome usage = sandbox.runJava(JAVA_LIMIT_SECONDS, launcherClasspath(), launcherMainClass(), subcommand, "--help");
            assertEquals(0, usage.exitCode(), "isobench " + subcommand + " --help: " + usage);
            LAUNCHER_USAGE.put(subcommand, usage.stdout());
        }
        return LAUNCHER_USAGE.get(subcommand);
    }

    /** This build's main classes and dependencies, as isobench.jar holds them (not the test classes). */
    private static String launcherClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(classpath.split(File.pathSeparator)).stream()
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The main class that pom.xml writes into isobench.jar's manifest. */
    private static String launcherMainClass() throws IOException {
        Matcher m = Pattern.compile("(?s)<id>launcher</id>.*?<mainClass>([^<]+)</mainClass>")
                .matcher(Files.readString(ScriptSandbox.PROJECT.resolve("pom.xml")));
        assertTrue(m.find(), "pom.xml names no main class for isobench.jar");
        return m.group(1).strip();
    }
}
