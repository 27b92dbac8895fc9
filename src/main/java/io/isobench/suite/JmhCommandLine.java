package io.isobench.suite;

import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JMH command line of a run: the profile's options, then the user's raw options, which replace the
 * profile's option of the same name. Output options belong to the suite runner and are refused.
 */
public final class JmhCommandLine {

    /** JMH options that take a value (JMH 1.37). */
    private static final Set<String> WITH_VALUE = Set.of(
            "-bm", "-bs", "-e", "-f", "-foe", "-gc", "-i", "-jvm", "-jvmArgs", "-jvmArgsAppend",
            "-jvmArgsPrepend", "-o", "-opi", "-p", "-prof", "-r", "-rf", "-rff", "-si", "-t", "-tg",
            "-to", "-tu", "-v", "-w", "-wbs", "-wf", "-wi", "-wm");

    /** Options the suite runner sets itself: where results go, and what is listed instead of run. */
    private static final Set<String> RESERVED = Set.of(
            "-rf", "-rff", "-o", "-l", "-lp", "-lprof", "-lrf", "-h");

    private final List<String> args;

    private JmhCommandLine(List<String> args) {
        this.args = List.copyOf(args);
    }

    public static JmhCommandLine of(Profile profile, List<String> raw) {
        List<String> rawChecked = validate(raw);
        Set<String> overridden = new HashSet<>();
        for (int i = 0; i < rawChecked.size(); i += 2) {
            overridden.add(rawChecked.get(i));
        }
        List<String> merged = new ArrayList<>();
        List<String> base = profile.jmhArgs();
        for (int i = 0; i < base.size(); i += 2) {
            if (!overridden.contains(base.get(i))) {
                merged.add(base.get(i));
                merged.add(base.get(i + 1));
            }
        }
        merged.addAll(rawChecked);
        return new JmhCommandLine(merged);
    }

    /** Checks raw options: every one known, with its value, none reserved, no positional include. */
    private static List<String> validate(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String token = raw.get(i);
            String name = token;
            String value = null;
            int eq = token.indexOf('=');
            if (token.startsWith("-") && eq > 0) {
                name = token.substring(0, eq);
                value = token.substring(eq + 1);
            }
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("JMH option " + name + " is set by isobench itself and cannot be given");
            }
            if (!name.startsWith("-")) {
                throw new IllegalArgumentException("unexpected JMH argument '" + token + "': select benchmarks with --include");
            }
            if (!WITH_VALUE.contains(name)) {
                throw new IllegalArgumentException("unknown or unsupported JMH option " + name);
            }
            if (value == null) {
                if (i + 1 >= raw.size()) {
                    throw new IllegalArgumentException("JMH option " + name + " needs a value");
                }
                value = raw.get(++i);
            }
            out.add(name);
            out.add(value);
        }
        return out;
    }

    /**
     * Checks the merged options as JMH will read them (numbers, time values, modes), so that bad raw options fail with
     * one line before any environment starts, not in the middle of a run.
     */
    public JmhCommandLine validate() {
        Options parsed = options();
        if (parsed.getMeasurementIterations().orElse(1) < 1) {
            throw new IllegalArgumentException("JMH option -i must be at least 1: a fork without measurement has no result");
        }
        if (parsed.getForkCount().orElse(1) < 1) {
            throw new IllegalArgumentException("JMH option -f must be at least 1: isobench runs every benchmark in a fork");
        }
        return this;
    }

    /** The options as JMH reads them (typed: counts, times, modes); bad ones are one-line IllegalArgumentExceptions. */
    public Options options() {
        try {
            return new CommandLineOptions(args.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("bad JMH option: " + e.getMessage());
        }
    }

    public List<String> args() {
        return args;
    }

    /**
     * How many values each parameter overridden with {@code -p name=v1,v2} takes (JMH's syntax; the last {@code -p} of
     * a name wins, as in JMH): a benchmark with that parameter runs that many combinations of it, not its
     * {@code @Param} count.
     */
    public Map<String, Integer> parameterCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (args.get(i).equals("-p")) {
                String value = args.get(i + 1);
                int eq = value.indexOf('=');
                if (eq > 0) {
                    counts.put(value.substring(0, eq), value.substring(eq + 1).split(",", -1).length);
                }
            }
        }
        return counts;
    }
}
