/**
 * Benchmarks for the network stack: TCP and Unix-domain request/response round trips, TCP bulk throughput,
 * connection set-up, UDP, all against in-process servers on loopback; and the TCP round trip to an external
 * {@link io.isobench.network.EchoPeer} ({@code -Disobench.peer=HOST:PORT}), which crosses the environment's
 * virtual network (veth and bridge, or QEMU's NIC).
 */
package io.isobench.network;
