/**
 * Benchmarks of whole workloads built on the micro costs of the other areas, as Felter et al. measured containers and
 * VMs with STREAM, RandomAccess and a database: an HTTP/1.1 service inside the environment called from the host, a
 * durable SQLite transaction on the benchmark directory, the STREAM triad on all CPUs and the HPCC RandomAccess (GUPS)
 * update. Each names, with {@link io.isobench.app.ExplainedBy}, the micro rows that carry its cost, and the report's
 * application section sets them side by side per environment.
 */
package io.isobench.app;
