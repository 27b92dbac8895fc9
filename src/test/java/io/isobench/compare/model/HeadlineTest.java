package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.input.BenchmarkKey;
import io.isobench.suite.Area;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headline: methods weigh the same, the JNA harness is left out, there is an interval and verdict counts. */
class HeadlineTest {

    @TempDir
    Path tmp;

    private Headline.Cell cell(Comparison c, Area area) {
        return c.headline().lines().stream().filter(l -> l.area() == area).findFirst().orElseThrow()
                .cells().get("vm-kvm");
    }

    @Test
    void eachMethodWeighsTheSameWhateverItsParameterCount() throws Exception {
        // One method with six parameter combinations, all 2x slower; one method with one row, not slower. A median or
        // mean over rows would say nearly 2x; one vote per method gives sqrt(2 * 1).
        List<Fixtures.Bench> host = new ArrayList<>();
        List<Fixtures.Bench> vm = new ArrayList<>();
        for (int size = 1; size <= 6; size++) {
            host.add(avgt("io.isobench.fileio.W.write", 100, 1, size).withParams(Map.of("size", "" + size)));
            vm.add(avgt("io.isobench.fileio.W.write", 200, 2, 10 + size).withParams(Map.of("size", "" + size)));
        }
        host.add(avgt("io.isobench.fileio.R.read", 100, 1, 30));
        vm.add(avgt("io.isobench.fileio.R.read", 100, 1, 31));
        Comparison c = compare(host, vm);
        Headline.Cell fileio = cell(c, Area.FILEIO);
        assertEquals(Math.sqrt(2), fileio.cost(), 0.03);
        assertEquals(2, fileio.benchmarks());
        assertEquals(7, fileio.rows());
        assertEquals(Headline.Basis.BENCHMARKS, fileio.basis());
        assertTrue(fileio.low() <= fileio.cost() && fileio.cost() <= fileio.high(), fileio.toString());
        assertEquals(6, fileio.slower());
        assertEquals(1, fileio.same() + fileio.inconclusive());
    }

    @Test
    void theJnaHarnessRowIsLeftOut() throws Exception {
        Comparison c = compare(
                List.of(avgt(BenchmarkKey.JNA_BASELINE, 100, 1, 1), avgt("io.isobench.syscall.S.a", 100, 1, 2),
                        avgt("io.isobench.syscall.S.b", 100, 1, 3)),
                List.of(avgt(BenchmarkKey.JNA_BASELINE, 1000, 1, 4), avgt("io.isobench.syscall.S.a", 120, 1, 5),
                        avgt("io.isobench.syscall.S.b", 120, 1, 6)));
        Headline.Cell syscall = cell(c, Area.SYSCALL);
        assertEquals(2, syscall.benchmarks());
        assertEquals(1.2, syscall.cost(), 0.01);
    }

    @Test
    void pairedRowsGetABootstrapOverRounds() throws Exception {
        Path h = Fixtures.envDir(tmp, "host", List.of(Fixtures.rounds("io.isobench.cpu.C.a", 100, 150, 90, 120),
                Fixtures.rounds("io.isobench.cpu.C.b", 50, 70, 40, 60)), Fixtures.fingerprint("host", "host", "none"),
                null);
        Path v = Fixtures.envDir(tmp, "vm-kvm", List.of(Fixtures.rounds("io.isobench.cpu.C.a", 110, 160, 100, 130),
                Fixtures.rounds("io.isobench.cpu.C.b", 56, 76, 45, 66)), Fixtures.fingerprint("vm-kvm", "vm", "kvm"),
                null);
        for (Path dir : List.of(h, v)) {
            Fixtures.tagRounds(dir.resolve("jmh.json"), "io.isobench.cpu.C.a", 1, 2, 3, 4);
            Fixtures.tagRounds(dir.resolve("jmh.json"), "io.isobench.cpu.C.b", 1, 2, 3, 4);
        }
        Headline.Cell cpu = cell(Comparison.ofRunDir(tmp, CompareOptions.defaults()), Area.CPU);
        assertEquals(Headline.Basis.ROUNDS, cpu.basis());
        assertTrue(cpu.low() > 1 && cpu.low() < cpu.cost() && cpu.cost() < cpu.high() && cpu.high() < 1.2,
                cpu.toString());
    }

    private Comparison compare(List<Fixtures.Bench> host, List<Fixtures.Bench> vm) throws Exception {
        Fixtures.envDir(tmp, "host", host, Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.envDir(tmp, "vm-kvm", vm, Fixtures.fingerprint("vm-kvm", "vm", "kvm"), null);
        return Comparison.ofRunDir(tmp, CompareOptions.defaults());
    }
}
