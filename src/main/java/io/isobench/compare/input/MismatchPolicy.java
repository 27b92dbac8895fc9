package io.isobench.compare.input;

import io.isobench.compare.CompareException;
import io.isobench.schema.Fingerprint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Refuses to mix results that are not comparable: different JVM builds ({@code jvm.vmVersion},
 * {@code jvm.runtimeSha256}), a JVM with its class-data archive against one without ({@code jvm.classDataSharing}),
 * different benchmark jars ({@code jarSha256}) or different profiles, unless
 * {@code --allow-mismatch}. With {@code --baseline-run}, JVM and jar are checked within each run (a new build is
 * what a regression gate compares against the old one); profiles are checked across both. An environment directory
 * without environment.json cannot be checked, and counts as a mismatch too; so does a loose JMH JSON file (which
 * never has one) compared with inputs that do. Loose files among themselves are compared as they are.
 */
public final class MismatchPolicy {

    /** A fingerprint value that must be equal: its name in the fingerprint table, what it is, how to read it. */
    private record Check(String key, String what, Function<FingerprintInput, String> value) {
    }

    private static final List<Check> BUILD = List.of(
            new Check("jvm.vmVersion", "JVM build", f -> jvm(f).vmVersion()),
            new Check("jvm.runtimeSha256", "JVM runtime", f -> jvm(f).runtimeSha256()),
            new Check("jvm.classDataSharing", "class-data sharing", f -> jvm(f).classDataSharing() == null ? null
                    : jvm(f).classDataSharing().toString()),
            new Check("jarSha256", "benchmark jar", f -> f.facts().jarSha256()));

    private static final Check PROFILE = new Check("profile", "profile", FingerprintInput::profile);

    private MismatchPolicy() {
    }

    /** The mismatches found, as warnings; without {@code allow}, the first one is thrown instead. */
    public static List<String> check(List<EnvironmentInput> inputs, boolean allow) throws CompareException {
        List<CompareException> problems = new ArrayList<>();
        boolean baselineRun = inputs.stream().anyMatch(EnvironmentInput::previousRun);
        List<List<EnvironmentInput>> groups = baselineRun
                ? List.of(inputs.stream().filter(EnvironmentInput::previousRun).toList(),
                inputs.stream().filter(i -> !i.previousRun()).toList())
                : List.of(inputs);
        for (List<EnvironmentInput> group : groups) {
            problems.addAll(unverifiable(group));
            for (Check check : BUILD) {
                problems.addAll(differences(group, check));
            }
        }
        problems.addAll(differences(inputs, PROFILE));
        if (!problems.isEmpty() && !allow) {
            CompareException first = problems.get(0);
            throw new CompareException(first.file(), first.problem() + "; pass --allow-mismatch to compare anyway");
        }
        return problems.stream().map(p -> p.problem()).toList();
    }

    /** Inputs whose JVM and jar cannot be checked against the others, because they have no fingerprint. */
    private static List<CompareException> unverifiable(List<EnvironmentInput> group) {
        boolean anyPrint = group.stream().anyMatch(i -> !i.fingerprint().isEmpty());
        List<CompareException> found = new ArrayList<>();
        for (EnvironmentInput input : group) {
            FingerprintInput print = input.fingerprint();
            if (print.fileMissing()) {
                found.add(new CompareException(print.file(), input.label() + " has no environment.json, so its JVM build"
                        + " and benchmark jar cannot be checked"));
            } else if (print.isEmpty() && anyPrint) {
                found.add(new CompareException(input.source(), input.label() + " is a JMH JSON file without"
                        + " environment.json, so its JVM build and benchmark jar cannot be checked against the others"));
            }
        }
        return found;
    }

    private static List<CompareException> differences(List<EnvironmentInput> group, Check check) {
        List<CompareException> found = new ArrayList<>();
        EnvironmentInput reference = null;
        for (EnvironmentInput input : group) {
            String value = check.value().apply(input.fingerprint());
            if (value == null || value.isBlank()) {
                continue;
            }
            if (reference == null) {
                reference = input;
                continue;
            }
            String expected = check.value().apply(reference.fingerprint());
            if (!Objects.equals(value, expected)) {
                Path file = input.fingerprint().file() != null ? input.fingerprint().file() : input.source();
                found.add(new CompareException(file, input.label() + " has a different " + check.what() + " than "
                        + reference.label() + " (" + check.key() + " " + shorten(value) + " vs "
                        + shorten(expected) + ")"));
            }
        }
        return found;
    }

    private static Fingerprint.Jvm jvm(FingerprintInput f) {
        Fingerprint.Jvm jvm = f.facts().jvm();
        return jvm != null ? jvm : new Fingerprint.Jvm(null, null, null, null, null, null, null);
    }

    private static String shorten(String value) {
        return value.length() > 24 && value.matches("[0-9a-fA-F]+") ? value.substring(0, 12) + "\u2026" : value;
    }
}
