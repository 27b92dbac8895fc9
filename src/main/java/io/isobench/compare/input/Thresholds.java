package io.isobench.compare.input;

import io.isobench.compare.CompareException;

import io.isobench.schema.UntrustedFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Per-benchmark regression thresholds: lines {@code benchmark-name-regex = pct}, {@code #} or {@code !} comments.
 * The regex must match the whole fully qualified benchmark name; the first matching line wins; the value is in
 * percent. Lines are read literally (unlike java.util.Properties, a backslash stays a backslash, so
 * {@code io\.isobench\.fileio\..*} means what it says), and the text after the last {@code =} is the number.
 */
public final class Thresholds {

    /** One line of the file, with its number. */
    public record Rule(Pattern pattern, double pct, int line) {
    }

    private final List<Rule> rules;
    private final Path file;

    public Thresholds(List<Rule> rules, Path file) {
        this.rules = List.copyOf(rules);
        this.file = file;
    }

    public static Thresholds none() {
        return new Thresholds(List.of(), null);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The file the rules come from, or null. */
    public Path file() {
        return file;
    }

    /**
     * Refuses rules that match none of {@code benchmarks} (fully qualified names): a line for a benchmark that was
     * renamed or moved would otherwise leave its benchmark to the default threshold, silently.
     */
    public void requireEachRuleMatches(Collection<String> benchmarks, String where) throws CompareException {
        List<String> stale = new ArrayList<>();
        for (Rule rule : rules) {
            if (benchmarks.stream().noneMatch(b -> rule.pattern().matcher(b).matches())) {
                stale.add("line " + rule.line() + " (" + rule.pattern().pattern() + ")");
            }
        }
        if (!stale.isEmpty()) {
            throw new CompareException(file, String.join(", ", stale) + (stale.size() == 1 ? " names" : " name")
                    + " no benchmark of " + where + ": renamed or moved? Fix the file, or name another with --thresholds");
        }
    }

    /** The largest thresholds file read: a line per benchmark class would be a few kilobytes. */
    static final long MAX_BYTES = 1L << 20;

    public static Thresholds read(Path file) throws CompareException {
        List<String> lines;
        try {
            lines = UntrustedFile.readString(file, MAX_BYTES).lines().toList();
        } catch (IOException e) {
            throw Json.failure(file, e);
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.lastIndexOf('=');
            if (eq <= 0) {
                throw new CompareException(file, "line " + (i + 1) + " is not regex=pct");
            }
            String regex = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.endsWith("%")) {
                value = value.substring(0, value.length() - 1).strip();
            }
            double pct;
            try {
                pct = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new CompareException(file, "line " + (i + 1) + " has no percentage after '='");
            }
            if (!(pct >= 0) || Double.isInfinite(pct)) {
                throw new CompareException(file, "line " + (i + 1) + " has a negative or unusable percentage");
            }
            try {
                rules.add(new Rule(Pattern.compile(regex), pct, i + 1));
            } catch (PatternSyntaxException e) {
                throw new CompareException(file, "line " + (i + 1) + " has an invalid regex: " + e.getDescription());
            }
        }
        return new Thresholds(rules, file);
    }

    /** The threshold for a benchmark: the first matching rule's, else {@code defaultPct}. */
    public double forBenchmark(String benchmark, double defaultPct) {
        for (Rule rule : rules) {
            if (rule.pattern().matcher(benchmark).matches()) {
                return rule.pct();
            }
        }
        return defaultPct;
    }
}
