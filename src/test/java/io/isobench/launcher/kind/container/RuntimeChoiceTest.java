package io.isobench.launcher.kind.container;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuntimeChoiceTest {

    @Test
    void isobenchsOwnRegistrationComesFirst() {
        assertEquals(Optional.of("isobench-runsc"), Docker.pick(Set.of("runc", "runsc", "isobench-runsc"), "runsc"));
        assertEquals(Optional.of("runsc"), Docker.pick(Set.of("runc", "runsc"), "runsc"), "the engine's own registration");
        assertEquals(Optional.of("runc"), Docker.pick(Set.of(), "runc"), "runc is Docker's default, always there");
    }

    @Test
    void aMissingRuntimeIsEmptyAndItsMessageSaysHowToRegisterIt() {
        assertEquals(Optional.empty(), Docker.pick(Set.of("runc", "io.containerd.runc.v2"), "crun"));
        String message = ContainerEnvironment.missingRuntime("runsc");
        assertFalse(message.contains("\n"));
        assertTrue(message.contains("\"isobench-runsc\"") && message.contains("--network=host"), message);
    }
}
