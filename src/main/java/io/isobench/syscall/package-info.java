/**
 * Benchmarks for the cost of entering the kernel: raw system calls through JNA (what a JNA caller pays), their vDSO
 * contrast, file-system metadata calls, and the JDK's own equivalents; {@link io.isobench.syscall.JnaCallBenchmark}
 * is the harness baseline that the comparison subtracts from them. {@link io.isobench.syscall.NativeSyscallBenchmark}
 * makes the same calls in a loop in our own C, without the JNA call's cost and noise.
 */
package io.isobench.syscall;
