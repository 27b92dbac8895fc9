package io.isobench.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code mvn verify -Pbench -Disobench.X=...} hands the launcher: properties left unset are not given. */
class MavenArgumentsTest {

    @Test
    void unsetPropertiesAreDroppedAndJmhOptionsGoAfterTheDoubleDash() throws Exception {
        assertEquals(List.of("--profile=smoke", "--include=.*", "--seed=7", "--", "-p", "size=1", "-f", "2"),
                arguments("--profile=smoke", "--envs=", "--include=.*", "--rounds=", "--seed=7", "--jmh=-p size=1 -f 2"));
    }

    @Test
    void noJmhOptionsNoDoubleDash() throws Exception {
        assertEquals(List.of("--density=2"), arguments("--density=2", "--jmh=", "--neighbours=", "--load="));
    }

    /** The arguments bench.sh passes on, one per line, from lib.sh's maven_arguments. */
    private static List<String> arguments(String... maven) throws IOException, InterruptedException {
        Path lib = Path.of(System.getProperty("isobench.projectDir", "."), "scripts", "lib.sh").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "source \"$0\"; maven_arguments \"$@\"; printf '%s\\n' \"${ARGS[@]}\"", lib.toString()));
        command.addAll(List.of(maven));
        Process bash = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), out);
        return out.lines().toList();
    }
}
