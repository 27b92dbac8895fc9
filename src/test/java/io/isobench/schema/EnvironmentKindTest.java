package io.isobench.schema;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recorded kind wins; a directory name is read only for results that record none. */
class EnvironmentKindTest {

    @Test
    void theRecordedKindWinsOverTheDirectoryName() {
        assertEquals(new EnvironmentKind("proc"), EnvironmentKind.of("proc", "host-b"));
        assertEquals(EnvironmentKind.VM, EnvironmentKind.of("vm", "container-bridge"));
    }

    @Test
    void resultsWithoutOneAreReadByTheirDirectoryName() {
        assertEquals(EnvironmentKind.HOST, EnvironmentKind.of(null, "host-b"));
        assertEquals(EnvironmentKind.CONTAINER, EnvironmentKind.of("", "container-runsc-bridge"));
        assertEquals(EnvironmentKind.VM, EnvironmentKind.of(null, "vm-tcg-user"));
        assertEquals(EnvironmentKind.OTHER, EnvironmentKind.of(null, "hostile"));
        assertEquals(EnvironmentKind.OTHER, EnvironmentKind.of(null, null));
    }

    @Test
    void theLaunchersKindsComeFirstInTheirOrder() {
        assertTrue(EnvironmentKind.HOST.rank() < EnvironmentKind.CONTAINER.rank());
        assertTrue(EnvironmentKind.CONTAINER.rank() < EnvironmentKind.VM.rank());
        assertTrue(EnvironmentKind.VM.rank() < new EnvironmentKind("proc").rank());
        assertEquals(EnvironmentKind.OTHER.rank(), new EnvironmentKind("proc").rank());
    }

    @Test
    void anIdIsOneLowerCaseWord() {
        assertTrue(EnvironmentKind.valid("podman-crun"));
        assertFalse(EnvironmentKind.valid("Podman"));
        assertFalse(EnvironmentKind.valid("a b"));
        assertFalse(EnvironmentKind.valid("x--y"));
        assertThrows(IllegalArgumentException.class, () -> new EnvironmentKind("../x"));
    }
}
