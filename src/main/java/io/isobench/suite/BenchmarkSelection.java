package io.isobench.suite;

import io.isobench.support.Requires;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The benchmarks an include pattern selects from the jar's JMH benchmark list, grouped by class: the suite
 * runs one class at a time, so a failure costs only that class's results.
 */
public final class BenchmarkSelection {

    /** One benchmark class and the methods of it that were selected. */
    public record Group(String className, List<String> methods, Map<String, Long> configurationsByMethod) {

        /** Benchmark configurations of this class: methods times their parameter combinations. */
        public long configurations() {
            return configurationsByMethod.values().stream().mapToLong(Long::longValue).sum();
        }

        /** {@code fileio.SequentialWriteBenchmark}: the class without the common package prefix. */
        public String shortName() {
            return className.startsWith("io.isobench.") ? className.substring("io.isobench.".length()) : className;
        }

        public String area() {
            return BenchmarkSelection.area(className);
        }

        public Optional<Requires> requirement() {
            return Optional.ofNullable(type().getAnnotation(Requires.class));
        }

        /** The benchmark class (not initialised); Object where it is not on the class path. */
        public Class<?> type() {
            try {
                return Class.forName(className, false, BenchmarkSelection.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return Object.class;
            }
        }

        /**
         * This class's benchmarks one by one, each a group of its own with its parameter combinations: the unit of a
         * step in rounds, so that the environments' forks of one benchmark run seconds apart, not a whole class apart.
         */
        public List<Group> perBenchmark() {
            if (methods.size() == 1) {
                return List.of(this);
            }
            return methods.stream().map(method -> new Group(className, List.of(method),
                    configurationsByMethod.containsKey(method) ? Map.of(method, configurationsByMethod.get(method))
                            : Map.of())).toList();
        }

        /** The benchmark of a group of one ({@link #perBenchmark}), class and method; null for a class of several. */
        public String benchmark() {
            return methods.size() == 1 ? methods.get(0) : null;
        }

        /** {@code syscall.NativeSyscallBenchmark.getppid} for one benchmark, the {@link #shortName} for more. */
        public String label() {
            return methods.size() == 1 ? shortName() + methods.get(0).substring(className.length()) : shortName();
        }

        /** JMH include patterns that match exactly these methods. */
        public List<String> includes() {
            List<String> includes = new ArrayList<>();
            for (String method : methods) {
                includes.add("^" + Pattern.quote(method) + "$");
            }
            return includes;
        }
    }

    private BenchmarkSelection() {
    }

    /** The area's id of a fully qualified benchmark name ({@link Area#of}). */
    public static String area(String benchmark) {
        return Area.of(benchmark).id();
    }

    /**
     * One class per area, in the suite's order: of each area's classes the one with the fewest benchmark
     * configurations (the first of them on a tie). What an emulated environment runs of a smoke run
     * ({@link Profile#samplesEmulated}).
     */
    public static List<Group> onePerArea(List<Group> groups) {
        Map<String, Group> chosen = new LinkedHashMap<>();
        for (Group group : groups) {
            chosen.merge(group.area(), group, (kept, next) -> next.configurations() < kept.configurations() ? next : kept);
        }
        return groups.stream().filter(chosen::containsValue).toList();
    }

    /** Checks that every pattern compiles; the message names the bad one. */
    public static void validate(List<String> includes) {
        for (String include : includes) {
            try {
                Pattern.compile(include);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("--include '" + include + "' is not a valid regular expression: "
                        + e.getDescription());
            }
        }
    }

    public static List<Group> select(List<String> includes) {
        return select(includes, Map.of());
    }

    /**
     * The groups, with each method's parameter combinations counted as JMH will run them: a parameter overridden by
     * {@code -p} ({@link JmhCommandLine#parameterCounts}) counts its given values, not its {@code @Param} ones.
     */
    public static List<Group> select(List<String> includes, Map<String, Integer> parameterCounts) {
        validate(includes);
        OutputFormat silent = OutputFormatFactory.createFormatInstance(
                new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT);
        SortedSet<BenchmarkListEntry> entries = BenchmarkList.defaultList().find(silent, includes, List.of());
        Map<String, TreeSet<String>> byClass = new LinkedHashMap<>();
        Map<String, Map<String, Long>> configurations = new LinkedHashMap<>();
        for (BenchmarkListEntry entry : entries) {
            String name = entry.getUsername();
            String className = name.substring(0, name.lastIndexOf('.'));
            byClass.computeIfAbsent(className, k -> new TreeSet<>()).add(name);
            long combinations = entry.getParams().hasValue()
                    ? entry.getParams().get().entrySet().stream()
                    .mapToLong(param -> parameterCounts.getOrDefault(param.getKey(), param.getValue().length))
                    .reduce(1, (a, b) -> a * b)
                    : 1L;
            configurations.computeIfAbsent(className, k -> new LinkedHashMap<>()).merge(name, combinations, Long::sum);
        }
        List<Group> groups = new ArrayList<>();
        byClass.forEach((className, methods) ->
                groups.add(new Group(className, List.copyOf(methods), Map.copyOf(configurations.get(className)))));
        groups.sort(Comparator.comparing((Group g) -> areaRank(g.area())).thenComparing(Group::className));
        return groups;
    }

    /** Benchmark configurations (methods times parameter combinations) of all groups. */
    public static long configurations(List<Group> groups) {
        return groups.stream().mapToLong(Group::configurations).sum();
    }

    private static int areaRank(String area) {
        return Area.byId(area).ordinal(); // OTHER comes last
    }
}
