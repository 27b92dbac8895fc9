/**
 * Benchmarks for the environment's own network stack, never leaving it: TCP and Unix-domain request/response round
 * trips, TCP bulk throughput, connection set-up and UDP, all against in-process servers on loopback. What crossing the
 * environment's boundary costs is in {@link io.isobench.network}.
 */
package io.isobench.netstack;
