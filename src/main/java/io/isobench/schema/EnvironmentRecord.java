package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code environment.json}: the environment's {@link Fingerprint} (written by the suite inside the environment), the
 * state of its run (status, skipped and failed benchmarks, duration; the suite and the launcher), and what only the
 * launcher on the host sees (the host's kernel, the container runtime, why an environment was lost). One flat JSON
 * object; the fingerprint's and the runtime's fields sit beside the others.
 *
 * @param status {@value #RUNNING}, {@value #COMPLETE}, {@value #PARTIAL}, {@value #FAILED} or {@value #INTERRUPTED}
 * @param hostKernel the launcher's kernel: inside gVisor or a VM the fingerprint's {@code kernel} is another one
 * @param lost why the launcher gave the environment up (its engine died, its guest stopped answering), or null
 * @param neighbours the sibling instances that loaded the machine during this environment's steps, or null (since 2.2)
 * @param contradicted the rows whose evidence contradicts what they claim to measure; written by the suite after each
 *                     class, absent when there are none (since 2.3)
 * @param unsteady the rows whose measured iterations still trended; absent when there are none (since 2.3)
 * @param caveats what about the whole environment moves its numbers (a slow clocksource); absent when nothing does
 *                (since 2.3)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentRecord(SchemaVersion schemaVersion, @JsonUnwrapped Fingerprint fingerprint, String status,
                                List<Problem> skipped, List<Problem> failed, String hostKernel,
                                @JsonUnwrapped ContainerRuntime containerRuntime, String lost, Long durationSeconds,
                                Neighbours neighbours,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Contradiction> contradicted,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Unsteady> unsteady,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Caveat> caveats) {

    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    public static final String PARTIAL = "partial";
    public static final String FAILED = "failed";
    public static final String INTERRUPTED = "interrupted";

    public EnvironmentRecord {
        schemaVersion = schemaVersion == null ? SchemaVersion.LEGACY : schemaVersion;
        fingerprint = fingerprint == null ? Fingerprint.named(null) : fingerprint;
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        failed = failed == null ? List.of() : List.copyOf(failed);
        containerRuntime = containerRuntime == null || containerRuntime.isEmpty() ? null : containerRuntime;
        contradicted = contradicted == null ? List.of() : List.copyOf(contradicted);
        unsteady = unsteady == null ? List.of() : List.copyOf(unsteady);
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
    }

    /** A new record of this schema version, {@value #RUNNING}, with nothing skipped or failed yet. */
    public static EnvironmentRecord running(Fingerprint fingerprint) {
        return new EnvironmentRecord(SchemaVersion.CURRENT, fingerprint, RUNNING, List.of(), List.of(), null, null,
                null, null, null, List.of(), List.of(), List.of());
    }

    public EnvironmentRecord withStatus(String newStatus) {
        return new EnvironmentRecord(schemaVersion, fingerprint, newStatus, skipped, failed, hostKernel, containerRuntime, lost,
                durationSeconds, neighbours, contradicted, unsteady, caveats);
    }

    /** The record with its final status and how long it took. */
    public EnvironmentRecord finished(String newStatus, long seconds) {
        return new EnvironmentRecord(schemaVersion, fingerprint, newStatus, skipped, failed, hostKernel, containerRuntime, lost,
                seconds, neighbours, contradicted, unsteady, caveats);
    }

    /** The record with what the launcher saw on the host; {@code lostReason} null when the environment was not lost. */
    public EnvironmentRecord withHost(String kernel, ContainerRuntime runtime, String lostReason) {
        return new EnvironmentRecord(schemaVersion, fingerprint, status, skipped, failed, kernel, runtime,
                lostReason, durationSeconds, neighbours, contradicted, unsteady, caveats);
    }

    /** The record with the neighbours it ran beside (null: none). */
    public EnvironmentRecord withNeighbours(Neighbours value) {
        return new EnvironmentRecord(schemaVersion, fingerprint, status, skipped, failed, hostKernel, containerRuntime, lost,
                durationSeconds, value, contradicted, unsteady, caveats);
    }

    /** The record with a skipped benchmark added, unless it is listed already. */
    public EnvironmentRecord withSkipped(Problem problem) {
        if (skipped.stream().anyMatch(p -> p.benchmark().equals(problem.benchmark()))) {
            return this;
        }
        return new EnvironmentRecord(schemaVersion, fingerprint, status, added(skipped, problem), failed, hostKernel,
                containerRuntime, lost, durationSeconds, neighbours, contradicted, unsteady, caveats);
    }

    /** The record with a failure added, unless the same benchmark's failure in the same round is listed already. */
    public EnvironmentRecord withFailed(Problem problem) {
        if (failed.stream().anyMatch(problem::sameStep)) {
            return this;
        }
        return new EnvironmentRecord(schemaVersion, fingerprint, status, skipped, added(failed, problem), hostKernel,
                containerRuntime, lost, durationSeconds, neighbours, contradicted, unsteady, caveats);
    }

    /** The record with these caveats about the whole environment (replacing any it had). */
    public EnvironmentRecord withCaveats(List<Caveat> value) {
        return new EnvironmentRecord(schemaVersion, fingerprint, status, skipped, failed, hostKernel, containerRuntime, lost,
                durationSeconds, neighbours, contradicted, unsteady, value);
    }

    /**
     * The record with the evidence of these benchmarks' rows as it stands now: their contradicted and unsteady rows
     * replaced by the given ones (a run in rounds checks a class again after each round, over all its forks so far).
     */
    public EnvironmentRecord withEvidence(Collection<String> benchmarks, List<Contradiction> newContradicted,
                                          List<Unsteady> newUnsteady) {
        List<Contradiction> keptContradicted = new ArrayList<>(contradicted.stream()
                .filter(c -> !benchmarks.contains(c.benchmark())).toList());
        keptContradicted.addAll(newContradicted);
        List<Unsteady> keptUnsteady = new ArrayList<>(unsteady.stream()
                .filter(u -> !benchmarks.contains(u.benchmark())).toList());
        keptUnsteady.addAll(newUnsteady);
        return new EnvironmentRecord(schemaVersion, fingerprint, status, skipped, failed, hostKernel, containerRuntime, lost,
                durationSeconds, neighbours, keptContradicted, keptUnsteady, caveats);
    }

    private static List<Problem> added(List<Problem> list, Problem problem) {
        List<Problem> more = new ArrayList<>(list);
        more.add(problem);
        return more;
    }
}
