package io.isobench.compare.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Environments whose run did not finish: their environment.json still says {@code running} (the launcher was killed,
 * or the run goes on) or says {@code interrupted} (Ctrl-C). Their results are what was measured until then, so the
 * comparison warns instead of presenting them as a whole run.
 */
public final class Unfinished {

    private static final Set<String> STATUSES = Set.of("running", "interrupted");

    private Unfinished() {
    }

    /**
     * One warning per status that environments stopped in ("host, runc ... did not finish ..."), in input order: a
     * run stopped before its end leaves every environment so, and one line says it for all of them.
     */
    public static List<String> warnings(List<EnvironmentInput> inputs) {
        Map<String, List<String>> byStatus = inputs.stream()
                .filter(input -> input.fingerprint().status() != null && STATUSES.contains(input.fingerprint().status()))
                .collect(Collectors.groupingBy(input -> input.fingerprint().status(), LinkedHashMap::new,
                        Collectors.mapping(EnvironmentInput::label, Collectors.toList())));
        List<String> warnings = new ArrayList<>();
        byStatus.forEach((status, labels) -> warnings.add(labels.size() == 1
                ? labels.get(0) + " did not finish (its environment.json says status \"" + status + "\"): its results are "
                + "what was measured until then"
                : String.join(", ", labels) + " did not finish (their environment.json files say status \"" + status
                + "\"): their results are what was measured until then"));
        return warnings;
    }
}
