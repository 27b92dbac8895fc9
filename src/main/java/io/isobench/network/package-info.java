/**
 * Benchmarks for the network across the environment's boundary: every {@code Peer*Benchmark} talks to the external
 * {@link io.isobench.network.EchoPeer} at {@code -Disobench.peer=HOST:PORT}, which runs on the host, so that each
 * round trip crosses what a service in the environment crosses to reach the host's network (loopback on the host and
 * in a host-network container, veth and a bridge from a bridged container, the virtual NIC from a VM).
 */
package io.isobench.network;
