package io.isobench.suite;

import io.isobench.schema.Caveat;
import io.isobench.schema.Fingerprint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaveatsTest {

    private static List<Caveat> with(String clocksource) {
        Fingerprint named = Fingerprint.named("vm-tcg");
        return Caveats.of(new Fingerprint(named.env(), "vm", null, "tcg", null, null, null, null, null, null, null, null,
                null, null, null, null, null, clocksource, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null));
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
