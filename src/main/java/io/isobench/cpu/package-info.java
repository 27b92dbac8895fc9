/**
 * Benchmarks for pure computation, with no system calls and a working set that fits in cache: the work
 * where hardware virtualization should cost 0–2 %, and where emulation (TCG) shows its full cost.
 */
package io.isobench.cpu;
