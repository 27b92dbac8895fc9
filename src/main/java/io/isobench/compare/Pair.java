package io.isobench.compare;

/** An environment and the baseline it is compared with. */
public record Pair(EnvironmentInput environment, EnvironmentInput baseline) {

    /** The column title: the environment's label, plus {@code vs <baseline>} when baselines differ per pair. */
    public String title(boolean showBaseline) {
        return showBaseline ? environment.label() + " vs " + baseline.label() : environment.label();
    }
}
