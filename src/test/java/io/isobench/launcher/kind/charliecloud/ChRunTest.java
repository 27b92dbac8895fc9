package io.isobench.launcher.kind.charliecloud;

import io.isobench.launcher.core.RunAs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChRunTest {

    private static final Path IMAGE = Path.of("/var/cache/isobench/charliecloud/0123456789ab");
    private static final java.util.Map<Path, String> BINDS = CharliecloudImage.binds(
            Path.of("/var/tmp/isobench-charliecloud-1/benchmarks.jar"), Path.of("/srv/results/charliecloud"),
            Path.of("/var/tmp/isobench-charliecloud-1/bench"));

    @Test
    void unprivilegedFromRootBecomesTheUserThroughSetpriv() {
        ChRun chRun = new ChRun(new RunAs("isobench", 999, 995, true), IMAGE, BINDS, "4242-1");
        assertEquals(List.of("setpriv", "--reuid=isobench", "--regid=995", "--init-groups", "--reset-env", "--",
                "env", "USER=isobench", "ch-run", "--private-tmp", "--cd=/", "--set-env=ISOBENCH_CHARLIECLOUD=4242-1",
                "--bind=/var/tmp/isobench-charliecloud-1/benchmarks.jar:/opt/isobench/benchmarks.jar",
                "--bind=/srv/results/charliecloud:/results",
                "--bind=/var/tmp/isobench-charliecloud-1/bench:/var/tmp/isobench",
                IMAGE.toString(), "--", "true"), chRun.command(List.of("true")));
    }

    @Test
    void theLaunchersOwnUserRunsItDirectlyWithUserSet() {
        ChRun chRun = new ChRun(new RunAs("root", 0, 0, false), IMAGE, BINDS, "7-2");
        List<String> line = chRun.command(List.of("java", "-version"));
        assertEquals(List.of("env", "USER=root", "ch-run"), line.subList(0, 3));
        assertEquals(List.of(IMAGE.toString(), "--", "java", "-version"), line.subList(line.size() - 4, line.size()));
    }

    @Test
    void aPathWithAColonCannotBeBound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChRun(
                new RunAs("root", 0, 0, false), IMAGE, CharliecloudImage.binds(Path.of("/a:b/benchmarks.jar"),
                Path.of("/r"), Path.of("/b")), "1-1"));
        assertEquals("ch-run cannot bind a path with a ':' in it: /a:b/benchmarks.jar", e.getMessage());
    }

    @Test
    void theTagIsReadFromAProcesssEnvironment() {
        byte[] prefix = "ISOBENCH_CHARLIECLOUD=".getBytes(StandardCharsets.UTF_8);
        byte[] environ = "PATH=/bin\0ISOBENCH_CHARLIECLOUD=4242-3\0USER=isobench\0".getBytes(StandardCharsets.UTF_8);
        assertEquals("4242-3", ChProcesses.valueOf(environ, prefix));
        assertEquals("4242-3", ChProcesses.valueOf("ISOBENCH_CHARLIECLOUD=4242-3".getBytes(StandardCharsets.UTF_8), prefix));
        assertNull(ChProcesses.valueOf("XISOBENCH_CHARLIECLOUD=1\0".getBytes(StandardCharsets.UTF_8), prefix));
    }
}
