package io.isobench.launcher.kind.container;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerVariantTest {

    @ParameterizedTest
    @ValueSource(strings = {"bridge", "host", "bridge-unconfined", "bridge-volume", "host-unconfined-volume",
            "bridge-cpus0.5", "bridge-cpus1", "bridge-mem2g", "bridge-mem512m", "bridge-cpuset0.1", "bridge-cpuset0_1", "bridge-cpuset0_1.3",
            "host-unconfined-volume-cpus0.25-mem1g-cpuset0", "runsc-bridge", "crun-host-unconfined", "runsc-bridge-cpus0.5",
            "bridge-sibling", "host-sibling-unconfined", "runsc-bridge-sibling-volume"})
    void textRoundTrips(String text) {
        ContainerVariant variant = ContainerVariant.parse(text);
        assertEquals(text, variant.toString());
        assertEquals(variant, ContainerVariant.parse(variant.toString()));
    }

    @Test
    void theSameVariantHasOneName() {
        assertEquals("bridge-cpus0.5", ContainerVariant.parse("bridge-cpus0.50").toString());
        assertEquals("bridge-cpus2", ContainerVariant.parse("bridge-cpus2.0").toString());
        assertEquals("bridge-mem2g", ContainerVariant.parse("bridge-mem2G").toString());
        assertEquals("bridge", ContainerVariant.parse("runc-bridge").toString(), "runc is Docker's default: not named");
        assertEquals("runsc", ContainerVariant.parse("runsc-host").runtime());
    }

    @Test
    void optionsAndTextGiveTheSameVariant() {
        ContainerOptions options = new ContainerOptions();
        options.runtime = "runc";
        options.network = "bridge";
        options.peer = "host";
        options.seccomp = "unconfined";
        options.storage = "overlay";
        options.cpus = "0.5";
        assertEquals(ContainerVariant.parse("bridge-unconfined-cpus0.5"), options.variant());
    }

    @Test
    void thePeerIsOnTheHostUnlessTheVariantSaysSibling() {
        assertEquals("host", ContainerVariant.DEFAULT.peer());
        assertEquals("host", ContainerVariant.parse("bridge").peer());
        assertEquals("sibling", ContainerVariant.parse("bridge-volume-sibling").peer());
        assertEquals("bridge-sibling-volume", ContainerVariant.parse("bridge-volume-sibling").toString());
        ContainerOptions options = new ContainerOptions();
        options.runtime = "runc";
        options.network = "host";
        options.peer = "sibling";
        options.seccomp = "default";
        options.storage = "overlay";
        assertEquals(ContainerVariant.parse("host-sibling"), options.variant());
        options.peer = "guest";
        assertEquals("--peer must be one of host, sibling, got 'guest'",
                assertThrows(IllegalArgumentException.class, options::variant).getMessage());
    }

    @Test
    void limitsAreWhatDockerApplies() {
        ContainerVariant variant = ContainerVariant.parse("bridge-cpus0.5-mem2g");
        assertEquals(500_000_000L, variant.nanoCpus());
        assertEquals(2L << 30, variant.memoryBytes());
        assertNull(ContainerVariant.DEFAULT.nanoCpus());
        assertEquals(new BigDecimal("0.5"), variant.cpus());
        assertEquals("0-1,3", ContainerVariant.parse("host-cpuset0_1.3").cpuset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bridge-cpus1e-10", "bridge-cpus0.001", "bridge-cpus0", "bridge-cpusInfinity", "bridge-cpusNaN",
            "bridge-cpus100000", "bridge-mem17179869190g", "bridge-mem5m", "bridge-memlots", "bridge-cpuset0..1",
            "bridge-turbo", "vm", "", "bridge-", "-bridge", "runsc", "kata-bridge", "bridge-runsc"})
    void badVariantsFailInOneLine(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContainerVariant.parse(text));
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().isBlank(), e.getMessage());
    }
}
