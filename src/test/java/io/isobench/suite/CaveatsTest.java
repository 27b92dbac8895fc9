package io.isobench.suite;

import io.isobench.schema.Caveat;
import io.isobench.schema.Fingerprint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaveatsTest {

    private static List<Caveat> with(String clocksource) {
        return with(clocksource, null);
    }

    private static List<Caveat> with(String clocksource, String memoryReclaim) {
        Fingerprint named = Fingerprint.named("vm-tcg");
        return Caveats.of(new Fingerprint(named.env(), "vm", null, "tcg", null, null, null, null, null, null, null, null,
                null, null, null, null, null, clocksource, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, memoryReclaim));
    }

    @Test
    void memoryTakenBackOnItsOwnIsACaveat() {
        assertTrue(with("tsc", "none").isEmpty());
        assertTrue(with("tsc", "unknown").isEmpty(), "gVisor cannot see it: no caveat, the fingerprint says unknown");
        Caveat damon = with("tsc", "DAMON paddr pageout; virtio-balloon free page reporting").get(0);
        assertEquals("memoryReclaim", damon.subject());
        assertEquals("DAMON paddr pageout; virtio-balloon free page reporting", damon.value());
        assertTrue(damon.reason().contains("read from the disk again"), damon.reason());
        assertTrue(damon.reason().contains("hypervisor"), damon.reason());
        Caveat balloon = with("tsc", "virtio-balloon free page hinting").get(0);
        assertTrue(balloon.reason().startsWith("memory is taken back") && balloon.reason().contains("hypervisor"),
                balloon.reason());
    }

    @Test
    void aClocksourceOtherThanTscOrKvmClockIsACaveat() {
        assertTrue(with("tsc").isEmpty());
        assertTrue(with("kvm-clock").isEmpty());
        Caveat hpet = with("hpet").get(0);
        assertEquals("clocksource", hpet.subject());
        assertEquals("hpet", hpet.value());
        assertTrue(hpet.reason().contains("reads a device"), hpet.reason());
        assertTrue(with("unknown").get(0).reason().contains("unverified"));
        assertTrue(with(null).isEmpty(), "a fingerprint of an older version says nothing");
    }
}
