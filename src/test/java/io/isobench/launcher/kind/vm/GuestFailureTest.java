package io.isobench.launcher.kind.vm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GuestFailureTest {

    @Test
    void theGuestsOwnErrorLineIsQuotedAndNoTimeoutClaimed() {
        assertEquals("the guest failed before ISOBENCH-INIT: 'ISOBENCH-ERROR initrd: no root disk /dev/vda'; see console.log",
                Guest.failure("ISOBENCH-INIT", 180, "ISOBENCH-ERROR initrd: no root disk /dev/vda", 0, "[ 3.1] reboot: Power down"));
    }

    @Test
    void aQemuThatExitedIsNotATimeout() {
        assertEquals("QEMU exited (status 1) before the guest printed ISOBENCH-INIT (last console line: 'Kernel panic');"
                + " see console.log", Guest.failure("ISOBENCH-INIT", 180, null, 1, "Kernel panic"));
    }

    @Test
    void onlyAGuestStillRunningTimedOut() {
        assertEquals("the guest did not print ISOBENCH-INIT within 180 s (last console line: 'Booting'); see console.log",
                Guest.failure("ISOBENCH-INIT", 180, null, null, "Booting"));
    }
}
