package io.isobench.compare.model;

import io.isobench.compare.input.EnvironmentInput;

/** An environment and the baseline it is compared with. */
public record Pair(EnvironmentInput environment, EnvironmentInput baseline) {

    /** The column title: the environment's label, plus {@code vs <baseline>} when baselines differ per pair. */
    public String title(boolean showBaseline) {
        return showBaseline ? environment.label() + " vs " + baseline.label() : environment.label();
    }

    /** Whether this sets an environment with neighbours against the same kind alone (not against the run's baseline). */
    public boolean neighbours() {
        io.isobench.schema.Neighbours n = environment.fingerprint().neighbours();
        return n != null && n.alone() != null && n.alone().equals(baseline.env());
    }
}
