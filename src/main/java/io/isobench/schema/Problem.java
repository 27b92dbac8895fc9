package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A benchmark that an environment skipped (a missing capability) or that failed there, with the reason and, in a run
 * in rounds, the round.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String benchmark, Integer round, String reason) {

    @JsonCreator
    public Problem {
        benchmark = benchmark == null ? "" : benchmark;
        reason = reason == null ? "" : reason;
    }

    /** The oldest files listed a benchmark's name alone. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Problem named(String benchmark) {
        return new Problem(benchmark, null, "");
    }

    /** Whether this is the same benchmark in the same round (or both outside rounds). */
    public boolean sameStep(Problem other) {
        return benchmark.equals(other.benchmark) && java.util.Objects.equals(round, other.round);
    }
}
