/**
 * Benchmarks for creating threads and processes: clone, fork/exec and the scheduler behind them, through the JDK and,
 * in {@link io.isobench.process.NativeForkBenchmark}, from our own C without the JDK's launch mechanism.
 */
package io.isobench.process;
