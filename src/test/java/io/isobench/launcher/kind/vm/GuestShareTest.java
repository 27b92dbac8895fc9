package io.isobench.launcher.kind.vm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How QEMU is asked to share the guest's directory and to confine itself, and what the console reader keeps. */
class GuestShareTest {

    @TempDir
    Path share;

    @Test
    void aShareOnAFileSystemWithUserAttributesIsMapped() {
        // /tmp is on the root file system here (ext4): the guest's links and FIFOs become plain files on the host.
        assertEquals("mapped-xattr", Guest.shareModel(share));
    }

    @Test
    void qemuIsSandboxedWhereItCanBe() {
        assertEquals("on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny", Guest.SANDBOX);
        java.util.List<String> args = Guest.sandbox();
        assertEquals(args.isEmpty() ? java.util.List.of() : java.util.List.of("-sandbox", Guest.SANDBOX), args);
    }

    @Test
    void aConsoleLineWithoutAnEndIsCut() throws Exception {
        StringReader in = new StringReader("ISOBENCH-INIT\n" + "x".repeat(Guest.MAX_LINE * 3) + "\nlast");
        assertEquals("ISOBENCH-INIT", Guest.readLine(in));
        assertEquals(Guest.MAX_LINE, Guest.readLine(in).length());
        assertEquals("last", Guest.readLine(in));
        assertNull(Guest.readLine(in));
    }
}
