package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.launcher.vm.VmEnvironment;
import io.isobench.suite.JsonFiles;
import io.isobench.suite.ResultLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vm --neighbours 1 --load io}: the VM and its twin, the twin beside one sibling VM that writes and fsyncs on its
 * own disk during the twin's step; the neighbours recorded, the sibling's console kept, and nothing left: no QEMU, no
 * VM work directory, no control directory.
 */
class VmNeighboursIT {

    @TempDir
    Path temp;

    @Test
    void aVmsTwinRunsBesideASiblingVmAndLeavesNothing() throws Exception {
        Engines.requireQemu();
        Set<Path> before = leftovers();
        Set<String> qemuBefore = new HashSet<>(Launch.processesContaining("qemu-system-x86_64"));
        Path run = temp.resolve("vm-neighbours-it");
        Launch.Outcome outcome = Launch.run(2400, "vm", "--network", "user", "--neighbours", "1", "--load", "io",
                "--profile", "smoke", "--include", "Sha256Digest", "--memory", "1024", "--out", run.toString());
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        String accel = outcome.stderr().contains("EMULATES the CPU") ? "tcg" : "kvm";
        String alone = "vm-" + accel + "-user";
        String twin = alone + "-nb1io";

        List<String> statuses = new ArrayList<>();
        JsonFiles.read(ResultLayout.environmentsJson(run)).get("environments")
                .forEach(e -> statuses.add(e.get("env").asText() + " " + e.get("status").asText()));
        assertEquals(List.of(alone + " complete", twin + " complete"), statuses);

        JsonNode record = JsonFiles.read(ResultLayout.environmentJson(run.resolve(twin)));
        assertEquals(twin, record.get("env").asText());
        assertEquals("vm", record.get("kind").asText());
        JsonNode neighbours = record.get("neighbours");
        assertEquals(1, neighbours.get("count").asInt(), neighbours.toString());
        assertEquals("io", neighbours.get("load").asText());
        assertEquals(alone, neighbours.get("alone").asText());
        assertEquals(1, neighbours.get("bursts").asInt(), "the one step ran under load");
        assertTrue(neighbours.get("threadsEach").asInt() >= 1, "the sibling's generator said ready with its threads");
        assertFalse(JsonFiles.read(ResultLayout.environmentJson(run.resolve(alone))).has("neighbours"));
        assertEquals(1, JsonFiles.read(ResultLayout.jmhJson(run.resolve(twin))).size(), "the twin's result");
        String console = Files.readString(run.resolve(twin).resolve("neighbour-1.console.log"));
        assertTrue(console.contains("ISOBENCH-INIT"), "the sibling VM booted: " + console);

        Set<String> qemuLeft = new HashSet<>(Launch.processesContaining("qemu-system-x86_64"));
        qemuLeft.removeAll(qemuBefore);
        assertEquals(Set.of(), qemuLeft, "QEMU left");
        Set<Path> left = leftovers();
        left.removeAll(before);
        assertEquals(Set.of(), left, "control or VM work directories left");
    }

    /** The neighbours' control directories and the VMs' work directories. */
    private static Set<Path> leftovers() throws Exception {
        Set<Path> found = new HashSet<>();
        for (Path dir : List.of(Path.of(System.getProperty("java.io.tmpdir")), RunOptions.cacheDir())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> paths = Files.list(dir)) {
                paths.filter(p -> p.getFileName().toString().startsWith("isobench-load-")
                        || p.getFileName().toString().startsWith(VmEnvironment.WORK_PREFIX))
                        .forEach(found::add);
            }
        }
        return found;
    }
}
