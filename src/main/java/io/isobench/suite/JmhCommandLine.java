package io.isobench.suite;

import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JMH command line of a run: the profile's options, then the user's raw options, which replace the
 * profile's option of the same name. Output options belong to the suite runner and are refused. For one class
 * ({@link #forClass}) the class's own {@code @Warmup} is a floor under the profile's warm-up.
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
    private final Profile profile;
    /** The options the user gave raw: what was asked is what runs. */
    private final Set<String> raw;

    private JmhCommandLine(List<String> args, Profile profile, Set<String> raw) {
        this.args = List.copyOf(args);
        this.profile = profile;
        this.raw = Set.copyOf(raw);
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
        return new JmhCommandLine(merged, profile, overridden);
    }

    /**
     * The command line for one benchmark class: where the class's {@code @Warmup} asks for more warm-up iterations or
     * a longer warm-up iteration than the profile's, that much. A warm-up that is long enough on the host (a 2 ms spawn
     * gets 250 calls in 500 ms) is ten times too short in gVisor (22 ms: 23 calls), where the measured iterations then
     * still trend; the slow-operation classes ask for enough that the slow environments warm up too. A warm-up option
     * given raw stays as given, and the smoke profile keeps its own (it shows that things run, not how fast).
     */
    public JmhCommandLine forClass(Class<?> benchmarkClass) {
        Warmup floor = benchmarkClass.getAnnotation(Warmup.class);
        if (floor == null || !profile.warmupFloors()) {
            return this;
        }
        List<String> raised = new ArrayList<>(args);
        if (floor.iterations() != Warmup.BLANK_ITERATIONS && !raw.contains("-wi")) {
            raise(raised, "-wi", floor.iterations(), Integer.toString(floor.iterations()));
        }
        if (floor.time() != Warmup.BLANK_TIME && !raw.contains("-w")) {
            TimeValue time = new TimeValue(floor.time(), floor.timeUnit());
            raise(raised, "-w", time.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS),
                    time.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) + "ms");
        }
        return new JmhCommandLine(raised, profile, raw);
    }

    /** Sets option to value where its current value (a count, or a time in ms) is smaller than {@code floor}. */
    private static void raise(List<String> args, String option, long floor, String value) {
        int i = args.lastIndexOf(option);
        if (i < 0) {
            args.add(option);
            args.add(value);
            return;
        }
        String current = args.get(i + 1);
        long now = option.equals("-w")
                ? TimeValue.fromString(current).convertTo(java.util.concurrent.TimeUnit.MILLISECONDS)
                : Long.parseLong(current);
        if (now < floor) {
            args.set(i + 1, value);
        }
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
