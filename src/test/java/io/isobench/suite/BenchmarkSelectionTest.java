package io.isobench.suite;

import io.isobench.support.Capability;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkSelectionTest {

    @Test
    void everyAreaHasBenchmarksAndGroupsComeInAreaOrder() {
        List<BenchmarkSelection.Group> groups = BenchmarkSelection.select(List.of(".*"));
        Set<String> areas = groups.stream().map(BenchmarkSelection.Group::area).collect(Collectors.toSet());
        assertEquals(Area.ofBenchmarks().stream().map(Area::id).collect(Collectors.toSet()), areas);
        List<Integer> ranks = groups.stream().map(g -> Area.of(g.className()).ordinal()).toList();
        for (int i = 1; i < ranks.size(); i++) {
            assertTrue(ranks.get(i - 1) <= ranks.get(i), "groups out of area order: " + groups);
        }
    }

    @Test
    void classNamesFollowTheConvention() {
        for (BenchmarkSelection.Group group : BenchmarkSelection.select(List.of(".*"))) {
            assertTrue(group.className().endsWith("Benchmark"), group.className());
        }
    }

    @Test
    void includeSelectsMethodsExactly() {
        List<BenchmarkSelection.Group> groups = BenchmarkSelection.select(List.of("JnaCall"));
        assertEquals(1, groups.size());
        assertEquals(List.of("io.isobench.syscall.JnaCallBenchmark.libcAbs"), groups.get(0).methods());
        assertEquals("syscall.JnaCallBenchmark", groups.get(0).shortName());
    }

    @Test
    void aParameterNarrowedWithDashPCountsItsGivenValues() {
        assertEquals(3, BenchmarkSelection.select(List.of("PeerRoundTrip")).get(0).configurations(), "three sizes");
        assertEquals(1, BenchmarkSelection.select(List.of("PeerRoundTrip"), java.util.Map.of("size", 1)).get(0)
                .configurations(), "-p size=1: one combination, so the step is complete with one result");
        assertEquals(1, BenchmarkSelection.select(List.of("JnaCall"), java.util.Map.of("size", 1)).get(0)
                .configurations(), "a benchmark without that parameter is unchanged");
    }

    @Test
    void noMatchGivesNoGroups() {
        assertTrue(BenchmarkSelection.select(List.of("NoSuchBenchmark")).isEmpty());
    }

    @Test
    void badRegexIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkSelection.select(List.of("Sha(256")));
        assertTrue(e.getMessage().startsWith("--include 'Sha(256' is not a valid regular expression"), e.getMessage());
    }

    @Test
    void theNetworkAreaHoldsOnlyTheBoundaryBenchmarksAndTheLoopbackOnesHaveTheirOwn() {
        List<BenchmarkSelection.Group> groups = BenchmarkSelection.select(List.of(".*"));
        List<String> network = groups.stream().filter(g -> g.area().equals("network"))
                .map(BenchmarkSelection.Group::shortName).toList();
        assertEquals(List.of("network.PeerBulkTransferBenchmark", "network.PeerConnectBenchmark",
                "network.PeerInboundBenchmark", "network.PeerRoundTripBenchmark", "network.PeerUdpRoundTripBenchmark"),
                network);
        for (BenchmarkSelection.Group group : groups) {
            boolean boundary = group.area().equals("network");
            assertEquals(boundary, group.requirement().map(r -> r.value() == Capability.PEER
                            || r.value() == Capability.INBOUND_PEER).orElse(false),
                    group.className() + ": the network area is exactly the classes that need a peer across the boundary");
        }
        assertEquals(List.of("netstack.SocketRoundTripBenchmark", "netstack.TcpBulkTransferBenchmark",
                        "netstack.TcpConnectBenchmark", "netstack.UdpRoundTripBenchmark"),
                groups.stream().filter(g -> g.area().equals("netstack")).map(BenchmarkSelection.Group::shortName).toList());
        assertEquals("netstack", BenchmarkSelection.area("io.isobench.netstack.UdpRoundTripBenchmark.roundTrip"));
    }

    @Test
    void capabilityRequirementsAreDeclared() {
        BenchmarkSelection.Group peer = BenchmarkSelection.select(List.of("PeerRoundTrip")).get(0);
        assertEquals(Capability.PEER, peer.requirement().orElseThrow().value());
        BenchmarkSelection.Group direct = BenchmarkSelection.select(List.of("DirectRandomRead")).get(0);
        assertEquals(Capability.DIRECT_IO, direct.requirement().orElseThrow().value());
    }

    @Test
    void theNativeRowsSitBesideTheirJnaAndJdkRowsAndRequireTheNativeCore() {
        List<BenchmarkSelection.Group> groups = BenchmarkSelection.select(List.of("\\.Native"));
        assertEquals(List.of("syscall.NativeSyscallBenchmark", "process.NativeForkBenchmark"),
                groups.stream().map(BenchmarkSelection.Group::shortName).toList(), "in area order");
        for (BenchmarkSelection.Group group : groups) {
            assertEquals(Capability.NATIVE_CORE, group.requirement().orElseThrow().value(), group.className());
        }
        assertEquals(List.of("io.isobench.syscall.NativeSyscallBenchmark.clockGettime",
                        "io.isobench.syscall.NativeSyscallBenchmark.devZeroRead",
                        "io.isobench.syscall.NativeSyscallBenchmark.getppid",
                        "io.isobench.syscall.NativeSyscallBenchmark.openClose",
                        "io.isobench.syscall.NativeSyscallBenchmark.stat"), groups.get(0).methods());
        assertEquals(3, groups.get(1).configurations(), "fork, vfork+exec, and the resident fork with its one size");
    }

    @Test
    void areaComesFromThePackage() {
        assertEquals("fileio", BenchmarkSelection.area("io.isobench.fileio.X.y"));
        assertEquals("other", BenchmarkSelection.area("org.example.Foo.bar"));
    }
}
