/** Benchmarks for creating threads and processes: clone, fork/exec and the scheduler behind them. */
package io.isobench.process;
