package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.report.SummaryBuilder;
import io.isobench.schema.Caveat;
import io.isobench.schema.Contradiction;
import io.isobench.schema.ResultJson;
import io.isobench.schema.Unsteady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What else differs: every fingerprint difference that can move numbers, with why. */
class ConfoundsTest {

    @TempDir
    Path tmp;

    private List<Confounds.Confound> confounds(Map<String, Object> host, Map<String, Object> vm) throws Exception {
        Fixtures.envDir(tmp, "host", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 1)), host, null);
        Fixtures.envDir(tmp, "vm-kvm", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 2)), vm, null);
        return Comparison.ofRunDir(tmp, CompareOptions.defaults()).confounds();
    }

    private static Confounds.Confound find(List<Confounds.Confound> all, String what) {
        return all.stream().filter(c -> c.what().equals(what)).findFirst()
                .orElseThrow(() -> new AssertionError(what + " not in " + all));
    }

    @Test
    void everyDifferenceThatCanMoveNumbersIsNamedWithWhy() throws Exception {
        Map<String, Object> host = Fixtures.fingerprint("host", "host", "none");
        Map<String, Object> vm = Fixtures.fingerprint("vm-kvm", "vm", "kvm");
        host.put("hypervisor", true);
        host.put("hypervisorVendor", "KVM");
        host.put("transparentHugepages", "always [madvise] never");
        vm.put("transparentHugepages", "[always] madvise never");
        host.put("vulnerabilities", Map.of("spectre_v2", "Mitigation: Retpolines", "spec_store_bypass", "Vulnerable"));
        vm.put("vulnerabilities", Map.of("spectre_v2", "Mitigation: Retpolines", "spec_store_bypass", "Not affected"));
        host.put("benchDir", "/var/tmp");
        vm.put("benchDir", "/var/tmp/isobench");
        host.put("benchDirFsType", "ext4");
        vm.put("benchDirFsType", "9p");
        host.put("cpuGovernor", "performance");
        vm.put("cpuGovernor", "powersave");
        host.put("jmhArgs", List.of("-f", "2", "-jvmArgs", "-Xmx512m -XX:+UseG1GC", "-jvmArgsPrepend",
                "-Disobench.dir=/var/tmp"));
        vm.put("jmhArgs", List.of("-f", "2", "-jvmArgs", "-Xmx1g -XX:+UseG1GC", "-jvmArgsPrepend",
                "-Disobench.dir=/var/tmp/isobench"));
        List<Confounds.Confound> all = confounds(host, vm);

        Confounds.Confound kernel = find(all, "kernel version");
        assertEquals("6.1.0-host", kernel.baselineValue());
        assertEquals("6.12.0-guest", kernel.value());
        assertTrue(kernel.why().contains("kernel"));
        assertTrue(find(all, "baseline runs virtualized").baselineValue().contains("KVM"));
        assertEquals("spec_store_bypass: Vulnerable", find(all, "CPU mitigations").baselineValue(),
                "only the differing entries");
        assertEquals("2 (/var/tmp)", find(all, "bench directory path depth").baselineValue());
        assertEquals("3 (/var/tmp/isobench)", find(all, "bench directory path depth").value());
        assertEquals("-Xmx512m -XX:+UseG1GC", find(all, "JVM flags").baselineValue(), "isobench's own -D left out");
        for (String what : List.of("transparent huge pages", "bench directory file system", "CPU frequency governor",
                "clocksource", "CPU count")) {
            assertFalse(find(all, what).why().isBlank(), what);
        }
        all.forEach(c -> assertEquals("vm-kvm", c.environment()));
        assertEquals(all.size(), ResultJson.toTree(SummaryBuilder.of(Comparison.ofRunDir(tmp, CompareOptions.defaults())))
                .get("confounds").size());
    }

    @Test
    void caveatsAreConfoundsAndTheSuitesFindingsAreNoFingerprintRows() throws Exception {
        Map<String, Object> host = Fixtures.fingerprint("host", "host", "none");
        Map<String, Object> gvisor = Fixtures.fingerprint("container-runsc", "container", "none");
        gvisor.put("kernel", host.get("kernel"));
        gvisor.put("clocksource", "unknown");
        gvisor.put("caveats", List.of(new Caveat("clocksource", "unknown", "the clocksource cannot be read here")));
        gvisor.put("unsteady", List.of(new Unsteady("io.isobench.cpu.C.b", Map.of(), 0.2, List.of(0.2))));
        gvisor.put("contradicted", List.of(new Contradiction("io.isobench.cpu.C.b", Map.of(), "sameCpuFraction", 1.0,
                List.of(1.0), "sameCpuFraction <= 0.05: the two threads run on different CPUs")));
        Fixtures.envDir(tmp, "host", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 1)), host, null);
        Fixtures.envDir(tmp, "container-runsc", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 2)), gvisor, null);
        Comparison c = Comparison.ofRunDir(tmp, CompareOptions.defaults());

        Confounds.Confound clock = find(c.confounds(), "clocksource");
        assertEquals("tsc", clock.baselineValue());
        assertEquals("unknown", clock.value());
        assertEquals("the clocksource cannot be read here", clock.why());
        assertEquals(1, c.confounds().size(), "the check skips unknown; the caveat names it once");
        List<String> keys = c.fingerprints().rows().stream().map(FingerprintTable.Row::key).toList();
        assertTrue(keys.contains("clocksource"), keys.toString());
        for (String finding : List.of("contradicted", "unsteady", "caveats")) {
            assertTrue(keys.stream().noneMatch(k -> k.startsWith(finding)), finding + " in " + keys);
        }
    }

    @Test
    void identicalFingerprintsHaveNoConfounds() throws Exception {
        Map<String, Object> a = Fixtures.fingerprint("host", "host", "none");
        Map<String, Object> b = Fixtures.fingerprint("container", "container", "none");
        b.put("kernel", a.get("kernel"));
        assertTrue(confounds(a, b).isEmpty(), "env, kind, variant and the like are the isolation itself");
    }
}
