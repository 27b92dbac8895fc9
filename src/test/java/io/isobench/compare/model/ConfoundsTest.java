package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.report.SummaryBuilder;
import io.isobench.schema.ResultJson;
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
    void identicalFingerprintsHaveNoConfounds() throws Exception {
        Map<String, Object> a = Fixtures.fingerprint("host", "host", "none");
        Map<String, Object> b = Fixtures.fingerprint("container", "container", "none");
        b.put("kernel", a.get("kernel"));
        assertTrue(confounds(a, b).isEmpty(), "env, kind, variant and the like are the isolation itself");
    }
}
