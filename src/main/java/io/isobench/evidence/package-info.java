/**
 * Evidence that a row measured what it claims: JMH secondary metrics, per fork, that show what happened underneath an
 * operation (the bytes that reached the block device, the page faults taken, the huge pages that back a range, the CPUs
 * two threads ran on), and the claims each row makes about them.
 *
 * <p>Every piece of evidence is a ratio of two {@code @AuxCounters(Type.EVENTS)} counters of one small state class,
 * which JMH sums over threads, iterations and forks as it sums every such counter, so its own tools read them
 * truthfully; {@link io.isobench.evidence.Evidence} names the two and divides them per fork. A benchmark takes the state
 * as an argument of its {@code @Benchmark} method and declares what the value must be with
 * {@link io.isobench.evidence.Claim}; the suite checks the claims after every class and lists the rows whose evidence
 * contradicts them in {@code environment.json} ({@code contradicted}).
 */
package io.isobench.evidence;
