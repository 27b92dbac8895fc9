package io.isobench.launcher.kind.vm;

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
            assertTrue(network.qemuArgs().get(1).matches("user,id=n0,hostfwd=tcp:127\\.0\\.0\\.1:\\d+-:7100"),
                    network.qemuArgs().toString());
            assertEquals(List.of("-device", "virtio-net-pci,netdev=n0"), network.qemuArgs().subList(2, 4));
            assertEquals("inbound-vm-user-hostfwd", network.inboundRoute().path());
            assertEquals("127.0.0.1", network.inboundRoute().dialHost());
            assertEquals(7100, network.inboundRoute().port());
            assertEquals("10.0.2.2", network.hostAddress());
            assertEquals("127.0.0.1", network.peerBind());
            assertEquals("user", network.describe());
            assertEquals("vm-user-slirp", network.peerPath());
            assertTrue(network.tapName().isEmpty());
        }
    }

    @Test
    void findsTheSuitesTapDevicesAndTheirLaunchers() {
        String ip = """
                1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback
                2: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default\\    link/ether
                161: isob-4242: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc fq_codel state DOWN mode DEFAULT group default qlen 1000\\    link/ether
                163: isob-4194304-12: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc fq_codel state DOWN mode DEFAULT group default qlen 1000\\    link/ether
                162: isobar0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\\    link/ether
                """;
        List<VmNetwork.Tap> taps = VmNetwork.suiteTaps(ip);
        assertEquals(List.of(new VmNetwork.Tap("isob-4242", 4242), new VmNetwork.Tap("isob-4194304-12", 4194304)), taps);
        assertTrue("isob-4194304-12".length() <= 15, "Linux's limit for an interface name");
    }

    @Test
    void optionsAcceptAutoTapAndUserAndNameEverythingElse() {
        VmOptions options = VmOptions.defaults();
        assertEquals("auto", options.network(), "the main job's default: tap where it can be made");
        assertEquals("tap", options.withNetwork("tap").resolvedNetwork());
        assertEquals("user", options.withNetwork("user").resolvedNetwork());
        String auto = options.resolvedNetwork();
        assertEquals(VmNetwork.tapProblem().isEmpty() ? "tap" : "user", auto);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options.withNetwork("bridge"));
        assertEquals("--network must be auto, tap or user, got 'bridge'", e.getMessage());
    }

    @Test
    void theNameSaysUserModeAndLeavesTheTapDefaultPlain() {
        assertEquals("vm-tcg", VmEnvironment.name("tcg", "tap"));
        assertEquals("vm-kvm-user", VmEnvironment.name("kvm", "user"));
    }

    @Test
    void tapNeedsTunAndCapNetAdmin() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean tun = java.nio.file.Files.isWritable(java.nio.file.Path.of("/dev/net/tun"));
        assertEquals(root && tun, VmNetwork.tapProblem().isEmpty(), VmNetwork.tapProblem().orElse("no problem"));
    }

    @Test
    void theVariantSaysWhichNetwork() {
        VmOptions options = VmOptions.defaults();
        options.cpus = 2;
        assertEquals("tcg-2cpu-2048m-cachenone-tap-vhost", options.variant("tcg", "tap-vhost"));
    }
}
