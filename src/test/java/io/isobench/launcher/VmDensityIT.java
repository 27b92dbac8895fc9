package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.launcher.core.Workspace;
import io.isobench.launcher.kind.vm.VmEnvironment;
import io.isobench.schema.DensityRecord;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code isobench density} with one VM of the free-page-reporting series: the guest negotiates reporting with the
 * balloon device (its init says so, or the start fails), the series is labelled {@code -fpr}, and no QEMU or work
 * directory is left.
 */
class VmDensityIT {

    @TempDir
    Path temp;

    @Test
    void aVmWithFreePageReportingStartsLabelledAndLeavesNothing() throws Exception {
        Engines.requireQemu();
        Set<String> qemuBefore = new HashSet<>(Launch.processesContaining("qemu-system-x86_64"));
        Set<Path> workBefore = workDirs();
        Path run = temp.resolve("vm-density-it");
        Launch.Outcome outcome = Launch.run(600, "density", "--kinds", "vm", "--max", "1", "--ksm", "off",
                "--page-reporting", "on", "--keep-free", "0", "--settle-seconds", "1", "--reads", "1",
                "--out", run.toString());
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        JsonNode series = JsonFiles.read(run.resolve(DensityRecord.FILE)).get("series");
        assertEquals(1, series.size(), series.toString());
        JsonNode vm = series.get(0);
        assertTrue(vm.get("label").asText().matches("vm-(tcg|kvm)-fpr"), vm.get("label").asText());
        assertEquals("--max 1 reached", vm.get("stopReason").asText(), vm.toString());
        assertEquals(1, vm.get("points").size(), vm.toString());
        assertTrue(vm.get("notes").toString().contains("free page reporting on"), vm.get("notes").toString());

        Set<String> qemuLeft = new HashSet<>(Launch.processesContaining("qemu-system-x86_64"));
        qemuLeft.removeAll(qemuBefore);
        assertEquals(Set.of(), qemuLeft, "QEMU left");
        Set<Path> workLeft = workDirs();
        workLeft.removeAll(workBefore);
        assertEquals(Set.of(), workLeft, "VM work directories left");
    }

    private static Set<Path> workDirs() throws Exception {
        if (!Files.isDirectory(Workspace.cacheDir())) {
            return new HashSet<>();
        }
        try (Stream<Path> paths = Files.list(Workspace.cacheDir())) {
            return new HashSet<>(paths.filter(p -> p.getFileName().toString().startsWith(VmEnvironment.WORK_PREFIX)).toList());
        }
    }
}
