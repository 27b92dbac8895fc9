package io.isobench.launcher.vm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VmNetworkTest {

    @Test
    void userModeTellsTheGuestQemusAddressesAndThePeerListensOnLoopback() throws Exception {
        try (VmNetwork network = VmNetwork.open("user")) {
            assertEquals("isobench.net=10.0.2.15/24,10.0.2.2", network.kernelArg());
            assertEquals(List.of("-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0"), network.qemuArgs());
            assertEquals("10.0.2.2", network.hostAddress());
            assertEquals("127.0.0.1", network.peerBind());
            assertEquals("user", network.describe());
            assertTrue(network.tapName().isEmpty());
        }
    }

    @Test
    void optionsAcceptUserAndTapAndNameEverythingElse() {
        VmOptions options = VmOptions.defaults();
        options.network = "tap";
        options.validate();
        options.network = "bridge";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, options::validate);
        assertEquals("--network must be user or tap, got 'bridge'", e.getMessage());
    }

    @Test
    void theVariantSaysWhichNetwork() {
        VmOptions options = VmOptions.defaults();
        options.cpus = 2;
        assertEquals("tcg-2cpu-2048m-cachenone-tap-vhost", options.variant("tcg", "tap-vhost"));
    }
}
