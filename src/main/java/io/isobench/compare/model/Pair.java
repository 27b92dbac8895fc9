package io.isobench.compare.model;

import io.isobench.compare.input.EnvironmentInput;

/** An environment and the baseline it is compared with. */
public record Pair(EnvironmentInput environment, EnvironmentInput baseline) {

    /** Whether this sets an environment with neighbours against the same kind alone (not against the run's baseline). */
    public boolean neighbours() {
        io.isobench.schema.Neighbours n = environment.fingerprint().neighbours();
        return n != null && n.alone() != null && n.alone().equals(baseline.env());
    }
}
