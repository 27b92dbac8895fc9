package io.isobench.compare.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Environments whose run did not finish: their environment.json still says {@code running} (the launcher was killed,
 * or the run goes on) or says {@code interrupted} (Ctrl-C). Their results are what was measured until then, so the
 * comparison warns instead of presenting them as a whole run.
 */
public final class Unfinished {

    private static final Set<String> STATUSES = Set.of("running", "interrupted");

    private Unfinished() {
    }

    /** One warning per unfinished environment, in input order. */
    public static List<String> warnings(List<EnvironmentInput> inputs) {
        List<String> warnings = new ArrayList<>();
        for (EnvironmentInput input : inputs) {
            String status = input.fingerprint().status();
            if (status != null && STATUSES.contains(status)) {
                warnings.add(input.label() + " did not finish (its environment.json says status \"" + status + "\"): "
                        + "its results are what was measured until then");
            }
        }
        return warnings;
    }
}
