package io.isobench.suite;

import io.isobench.schema.Caveat;
import io.isobench.schema.Fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What about an environment as a whole moves its numbers, read from its fingerprint ({@link Caveat}). */
public final class Caveats {

    /**
     * The clocksources that the vDSO reads in user space on x86-64, so that System.nanoTime costs tens of ns; with any
     * other a clock read is a system call, and with hpet or acpi_pm a device access (a VM exit under a hypervisor; QEMU's
     * TCG guests use hpet).
     */
    static final Set<String> FAST_CLOCKSOURCES = Set.of("tsc", "kvm-clock");

    private Caveats() {
    }

    public static List<Caveat> of(Fingerprint fingerprint) {
        List<Caveat> caveats = new ArrayList<>();
        String clocksource = fingerprint.clocksource();
        if (clocksource != null && !FAST_CLOCKSOURCES.contains(clocksource)) {
            caveats.add(new Caveat("clocksource", clocksource, clocksource.equals("unknown")
                    ? "the clocksource cannot be read here (gVisor shows no /sys/devices/system/clocksource), so what a "
                    + "clock read costs is unverified: every sample-mode timing and timed sleep includes one"
                    : "not tsc or kvm-clock: every clock read (System.nanoTime, so every sample-mode timing, and every "
                    + "timed sleep) is a system call" + (Set.of("hpet", "acpi_pm").contains(clocksource)
                    ? " that reads a device, a VM exit under a hypervisor" : "")));
        }
        String reclaim = fingerprint.memoryReclaim();
        if (reclaim != null && !reclaim.equals("none") && !reclaim.equals("unknown")) {
            caveats.add(new Caveat("memoryReclaim", reclaim, (reclaim.contains("pageout")
                    ? "idle page cache is evicted while runs go on, so a file, the jar or the JDK left alone for a while "
                    + "is read from the disk again, and a file row can reach the device where another environment's "
                    + "did not"
                    : "memory is taken back from this system while runs go on")
                    + (reclaim.contains("virtio-balloon") ? "; freed pages are handed to the hypervisor, which may take "
                    + "them back, so reusing them can cost a fault on the physical host" : "")));
        }
        return caveats;
    }
}
