package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.ArrayList;
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
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentRecord(SchemaVersion schemaVersion, @JsonUnwrapped Fingerprint fingerprint, String status,
                                List<Problem> skipped, List<Problem> failed, String hostKernel,
                                @JsonUnwrapped ContainerRuntime containerRuntime, String lost, Long durationSeconds,
                                Neighbours neighbours) {

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
    }

    /** A new record of this schema version, {@value #RUNNING}, with nothing skipped or failed yet. */
    public static EnvironmentRecord running(Fingerprint fingerprint) {
        return new EnvironmentRecord(SchemaVersion.CURRENT, fingerprint, RUNNING, List.of(), List.of(), null, null,
                null, null, null);
    }

    public EnvironmentRecord withStatus(String newStatus) {
        return new EnvironmentRecord(schemaVersion, fingerprint, newStatus, skipped, failed, hostKernel, containerRuntime, lost,
                durationSeconds, neighbours);
    }

    /** The record with its final status and how long it took. */
    public EnvironmentRecord finished(String newStatus, long seconds) {
        return new EnvironmentRecord(schemaVersion, fingerprint, newStatus, skipped, failed, hostKernel, containerRuntime, lost,
                seconds, neighbours);
    }

    /** The record with what the launcher saw on the host; {@code lostReason} null when the environment was not lost. */
    public EnvironmentRecord withHost(String kernel, ContainerRuntime runtime, String lostReason) {
        return new EnvironmentRecord(schemaVersion, fingerprint, status, skipped, failed, kernel, runtime,
                lostReason, durationSeconds, neighbours);
    }

    /** The record with the neighbours it ran beside (null: none). */
    public EnvironmentRecord withNeighbours(Neighbours value) {
        return new EnvironmentRecord(schemaVersion, fingerprint, status, skipped, failed, hostKernel, containerRuntime, lost,
                durationSeconds, value);
    }

    /** The record with a skipped benchmark added, unless it is listed already. */
    public EnvironmentRecord withSkipped(Problem problem) {
        if (skipped.stream().anyMatch(p -> p.benchmark().equals(problem.benchmark()))) {
            return this;
        }
        return new EnvironmentRecord(schemaVersion, fingerprint, status, added(skipped, problem), failed, hostKernel,
                containerRuntime, lost, durationSeconds, neighbours);
    }

    /** The record with a failure added, unless the same benchmark's failure in the same round is listed already. */
    public EnvironmentRecord withFailed(Problem problem) {
        if (failed.stream().anyMatch(problem::sameStep)) {
            return this;
        }
        return new EnvironmentRecord(schemaVersion, fingerprint, status, skipped, added(failed, problem), hostKernel,
                containerRuntime, lost, durationSeconds, neighbours);
    }

    private static List<Problem> added(List<Problem> list, Problem problem) {
        List<Problem> more = new ArrayList<>(list);
        more.add(problem);
        return more;
    }
}
