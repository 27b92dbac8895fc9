package io.isobench.launcher.kind.vm;

import io.isobench.launcher.core.InboundPeer;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.PeerProcess;
import io.isobench.launcher.core.Processes;
import io.isobench.launcher.core.Progress;
import io.isobench.support.Peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the guest's NIC reaches the host, and where the host's echo peer listens for it. Two kinds:
 * <ul>
 *   <li>{@code user}: QEMU's user-mode network (slirp). The guest is 10.0.2.15; its connections to 10.0.2.2 are
 *       re-made by QEMU from the host's loopback, so the peer listens on 127.0.0.1.</li>
 *   <li>{@code tap}: a tap device made for this run, with vhost-net where {@code /dev/vhost-net} can be opened. The
 *       host side gets {@code 10.213.N.1/24}, the guest {@code 10.213.N.2}; the peer listens on the host side's
 *       address, so the round trip crosses virtio-net, the tap device and the host's IP stack, and nothing else
 *       (no bridge, no forwarding, no NAT). Needs CAP_NET_ADMIN. Closing deletes the device.</li>
 * </ul>
 * The guest's init reads its address and gateway from the kernel parameter {@code isobench.net=ADDR/PREFIX,GATEWAY}.
 */
final class VmNetwork implements AutoCloseable {

    /**
     * Tap devices made by the suite are named {@code isob-<launcher pid>-<n>} (n counts the launcher's VMs: a VM and
     * its neighbour twin run at once), so a stale one can be told and removed; at most 15 characters, as Linux allows.
     */
    static final String TAP_PREFIX = "isob-";
    private static final java.util.concurrent.atomic.AtomicInteger TAPS = new java.util.concurrent.atomic.AtomicInteger();
    private static final String USER_GUEST = "10.0.2.15/24";
    private static final String USER_HOST = "10.0.2.2";
    private static final String TAP_NET = "10.213.";
    private static final Pattern TAP_NAME = Pattern.compile("\\d+: (" + Pattern.quote(TAP_PREFIX) + "(\\d+)(?:-\\d+)?)[:@]");

    private final String tap;
    private final String guestAddress;
    private final String hostAddress;
    private final String peerBind;
    private final boolean vhost;

    /** With user-mode networking: the host's loopback port that QEMU forwards to the inbound peer's port in the guest. */
    private final int forwardedPort;

    private VmNetwork(String tap, String guestAddress, String hostAddress, String peerBind, boolean vhost,
                      int forwardedPort) {
        this.tap = tap;
        this.guestAddress = guestAddress;
        this.hostAddress = hostAddress;
        this.peerBind = peerBind;
        this.vhost = vhost;
        this.forwardedPort = forwardedPort;
    }

    static VmNetwork open(String kind) throws LauncherException, InterruptedException {
        return kind.equals("tap") ? tap() : new VmNetwork(null, USER_GUEST, USER_HOST, "127.0.0.1", false, forwardPort());
    }

    private static VmNetwork tap() throws LauncherException, InterruptedException {
        removeStaleTaps();
        String name = TAP_PREFIX + ProcessHandle.current().pid() + "-" + TAPS.incrementAndGet() % 100;
        int subnet = freeSubnet();
        String host = TAP_NET + subnet + ".1";
        Processes.Result made = Processes.run(List.of("ip", "tuntap", "add", "dev", name, "mode", "tap"), 30);
        if (made.exitCode() != 0) {
            throw new LauncherException("--network tap: cannot make a tap device (needs root or CAP_NET_ADMIN, and /dev/net/tun): "
                    + made.output().strip());
        }
        VmNetwork network = new VmNetwork(name, TAP_NET + subnet + ".2/24", host, host, vhostUsable(), 0);
        try {
            ip("addr", "add", host + "/24", "dev", name);
            ip("link", "set", name, "up");
        } catch (LauncherException e) {
            network.close();
            throw e;
        }
        if (!network.vhost) {
            Progress.warn("--network tap without vhost-net (/dev/vhost-net cannot be opened): QEMU moves the packets "
                    + "itself; recorded as variant ...-tap");
        }
        return network;
    }

    /** QEMU's -netdev and -device arguments. */
    List<String> qemuArgs() {
        String netdev = tap == null ? "user,id=n0,hostfwd=tcp:127.0.0.1:" + forwardedPort + "-:" + InboundPeer.PORT
                : "tap,id=n0,ifname=" + tap + ",script=no,downscript=no,vhost=" + (vhost ? "on" : "off");
        return List.of("-netdev", netdev, "-device", "virtio-net-pci,netdev=n0");
    }

    /** The kernel parameter that tells the guest's init its address and gateway. */
    String kernelArg() {
        return "isobench.net=" + guestAddress + "," + hostAddress;
    }

    /** The host as the guest dials it for the echo peer. */
    String hostAddress() {
        return hostAddress;
    }

    /** Where the host's echo peer listens. */
    String peerBind() {
        return peerBind;
    }

    /** How the guest reaches the host's peer, as the fingerprint records it: through slirp or a tap device. */
    String peerPath() {
        return tap == null ? "vm-user-slirp" : "vm-" + describe();
    }

    /**
     * How the host reaches the inbound peer in the guest: QEMU's forwarded loopback port (user-mode networking), or the
     * guest's own address on the tap device (routed, no NAT).
     */
    InboundPeer.Route inboundRoute() {
        return tap == null
                ? new InboundPeer.Route("0.0.0.0", InboundPeer.PORT, "127.0.0.1", forwardedPort,
                Peer.INBOUND_PREFIX + "vm-user-hostfwd")
                : new InboundPeer.Route("0.0.0.0", InboundPeer.PORT, guestAddress.substring(0, guestAddress.indexOf('/')),
                InboundPeer.PORT, Peer.INBOUND_PREFIX + "vm-" + describe());
    }

    /** As recorded in the variant: user, tap, or tap-vhost. */
    String describe() {
        return tap == null ? "user" : vhost ? "tap-vhost" : "tap";
    }

    Optional<String> tapName() {
        return Optional.ofNullable(tap);
    }

    @Override
    public void close() throws LauncherException, InterruptedException {
        if (tap != null) {
            Processes.Result deleted = Processes.run(List.of("ip", "link", "del", tap), 30);
            if (deleted.exitCode() != 0 && linkExists(tap)) {
                throw new LauncherException("ip link del " + tap + ": " + deleted.output().strip());
            }
        }
    }

    /**
     * Why a tap device cannot be made here, or empty when it can: it takes /dev/net/tun and CAP_NET_ADMIN (root has
     * it). Checked before the run, so that the environment's name says which network it has.
     */
    static Optional<String> tapProblem() {
        Path tun = Path.of("/dev/net/tun");
        if (!Files.isReadable(tun) || !Files.isWritable(tun)) {
            return Optional.of("/dev/net/tun cannot be opened");
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    long caps = Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16);
                    return (caps & (1L << CAP_NET_ADMIN)) != 0 ? Optional.empty()
                            : Optional.of("the launcher lacks CAP_NET_ADMIN (run as root)");
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return Optional.of("cannot read the launcher's capabilities: " + e.getMessage());
        }
        return Optional.of("cannot read the launcher's capabilities");
    }

    /** linux/capability.h. */
    private static final int CAP_NET_ADMIN = 12;

    /** vhost-net moves the NIC's data path into the host kernel; without it QEMU copies the packets itself. */
    static boolean vhostUsable() {
        Path device = Path.of("/dev/vhost-net");
        return Files.isReadable(device) && Files.isWritable(device);
    }

    /** A tap device the suite made, and the launcher that made it. */
    record Tap(String name, long launcherPid) {
    }

    /** Tap devices of launchers that are gone (killed with -9, before their cleanup could run). */
    private static void removeStaleTaps() throws LauncherException, InterruptedException {
        for (Tap tap : suiteTaps(Processes.run(List.of("ip", "-o", "link", "show"), 30).output())) {
            if (ProcessHandle.of(tap.launcherPid()).isEmpty()) {
                Processes.run(List.of("ip", "link", "del", tap.name()), 30);
            }
        }
    }

    /** The suite's tap devices in the output of {@code ip -o link show}. */
    static List<Tap> suiteTaps(String ipLinkOutput) {
        List<Tap> taps = new ArrayList<>();
        Matcher matcher = TAP_NAME.matcher(ipLinkOutput);
        while (matcher.find()) {
            taps.add(new Tap(matcher.group(1), Long.parseLong(matcher.group(2))));
        }
        return taps;
    }

    /** The first 10.213.N.0/24 (N from 1) that no interface of the host uses. */
    private static int freeSubnet() throws LauncherException, InterruptedException {
        String addresses = Processes.run(List.of("ip", "-o", "-4", "addr", "show"), 30).output();
        for (int n = 1; n < 255; n++) {
            if (!addresses.contains(" " + TAP_NET + n + ".")) {
                return n;
            }
        }
        throw new LauncherException("--network tap: every 10.213.N.0/24 is in use on this host");
    }

    /** A free loopback port for QEMU's hostfwd. */
    private static int forwardPort() throws LauncherException {
        try {
            return PeerProcess.freeLoopbackPort();
        } catch (java.io.IOException e) {
            throw new LauncherException("no free loopback port for QEMU's forwarding: " + e.getMessage(), e);
        }
    }

    private static boolean linkExists(String name) throws LauncherException, InterruptedException {
        return Processes.run(List.of("ip", "link", "show", name), 30).exitCode() == 0;
    }

    private static void ip(String... args) throws LauncherException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(command, 30);
        if (result.exitCode() != 0) {
            throw new LauncherException("--network tap: " + String.join(" ", command) + ": " + result.output().strip());
        }
    }
}
