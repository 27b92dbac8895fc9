/**
 * Benchmarks for the cost of entering the kernel: raw system calls through JNA, their vDSO contrast,
 * file-system metadata calls, and the JDK's own equivalents. {@link io.isobench.syscall.JnaCallBenchmark}
 * is the harness baseline that the comparison subtracts.
 */
package io.isobench.syscall;
