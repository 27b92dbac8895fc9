package io.isobench.compare.model;

import io.isobench.compare.input.EnvironmentInput;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The environment fingerprints side by side: every key of any environment.json (unknown ones too), one column per
 * environment, with the rows whose values differ marked. Identity keys (env, kind, variant, timestamp, runId) are
 * expected to differ and are not marked. Important differences (JVM, jar, kernel, accel, profile, CPU) are also
 * listed as sentences. An environment directory without environment.json keeps its column, marked
 * {@value #NO_FILE}, instead of silently dropping out. The lists of what the suite found about the rows and the
 * environment ({@link #NOT_FINGERPRINT}) are no fingerprint: the report shows them as the rows that are not comparable
 * and as confounds.
 */
public record FingerprintTable(List<String> columns, List<Row> rows, List<String> mismatches) {

    /** One key: values per column (null where absent), whether they differ, whether the key matters most. */
    public record Row(String key, List<String> values, boolean differs, boolean important) {
        /** Whether one cell deserves a mark of its own (accel tcg). */
        public boolean alarming(int column) {
            return key.equals("accel") && "tcg".equalsIgnoreCase(values.get(column));
        }
    }

    /** The cell of an environment whose environment.json is missing. */
    public static final String NO_FILE = "no environment.json";

    static final Set<String> EXPECTED_TO_DIFFER = Set.of("env", "kind", "variant", "timestamp", "runId", "peer", "peerPath",
            "inboundPeer", "inboundPath");

    /** Keys of environment.json that are findings, not facts about the environment. */
    static final Set<String> NOT_FINGERPRINT = Set.of("contradicted", "unsteady", "caveats");

    private static final List<String> IMPORTANT = List.of("jvm.", "jarSha256", "kernel", "accel", "profile",
            "cpuModel", "isobenchVersion", "clocksource");

    static FingerprintTable of(List<EnvironmentInput> inputs) {
        List<EnvironmentInput> withPrint = inputs.stream()
                .filter(i -> !i.fingerprint().isEmpty() || i.fingerprint().fileMissing()).toList();
        List<String> columns = withPrint.stream().map(EnvironmentInput::label).toList();
        Set<String> keys = new LinkedHashSet<>();
        withPrint.forEach(i -> i.fingerprint().values().keySet().stream().filter(FingerprintTable::isFingerprint)
                .forEach(keys::add));
        List<Row> rows = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        if (withPrint.stream().anyMatch(i -> i.fingerprint().fileMissing())) {
            List<String> values = withPrint.stream().map(i -> i.fingerprint().fileMissing() ? NO_FILE : "present").toList();
            rows.add(new Row("environment.json", values, true, true));
            withPrint.stream().filter(i -> i.fingerprint().fileMissing())
                    .forEach(i -> mismatches.add(i.label() + " has " + NO_FILE + ": its JVM and jar cannot be checked"));
        }
        for (String key : keys) {
            List<String> values = withPrint.stream().map(i -> i.fingerprint().get(key)).toList();
            boolean differs = !EXPECTED_TO_DIFFER.contains(key) && withPrint.stream()
                    .filter(i -> !i.fingerprint().isEmpty()).map(i -> i.fingerprint().get(key)).distinct().count() > 1;
            boolean important = IMPORTANT.stream().anyMatch(p -> p.endsWith(".") ? key.startsWith(p) : key.equals(p));
            rows.add(new Row(key, values, differs, important));
            if (differs && important) {
                mismatches.add(key + " differs: " + describe(columns, values));
            }
        }
        for (EnvironmentInput input : withPrint) {
            if (input.fingerprint().isTcg()) {
                mismatches.add(input.label() + " ran with accel tcg (emulation)");
            }
        }
        return new FingerprintTable(columns, rows, mismatches);
    }

    private static boolean isFingerprint(String key) {
        return NOT_FINGERPRINT.stream().noneMatch(list -> key.equals(list) || key.startsWith(list + "."));
    }

    private static String describe(List<String> columns, List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parts.add(columns.get(i) + " " + Objects.requireNonNullElse(values.get(i), "(absent)"));
        }
        return String.join(", ", parts);
    }
}
