/**
 * Benchmarks for the scheduler and timers: thread-to-thread wake-ups across CPUs and how late a timed sleep wakes.
 * This is where a VM pays for interrupts: an inter-processor wake-up or a timer interrupt exits to the hypervisor
 * unless the hardware delivers it to the guest directly.
 */
package io.isobench.sched;
