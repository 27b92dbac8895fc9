package io.isobench.suite;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The run profiles, defined once and used by every environment: how many rounds, and what one environment runs of a
 * benchmark class in one round (forks, warm-up and measurement). A run measures in rounds (Abedi and Brecht, ICPE
 * 2017): in every round each environment runs one fork of each benchmark, the environments back to back in an order
 * drawn at random per round and benchmark, so that a difference between environments is measured close together in
 * time and can be paired round by round.
 * Raw JMH options given after them override the per-round options flag by flag (see {@link JmhCommandLine}). A class
 * whose operation is slow where isolation costs most (a process spawn, a connection, an fsync) asks for a longer
 * warm-up with JMH's own {@code @Warmup}; every profile but smoke gives it at least that much.
 */
public enum Profile {

    /** For tests: shows that everything runs, not how fast (and so keeps its short warm-up for every class). */
    SMOKE(1, false, "-f", "1", "-wi", "1", "-w", "100ms", "-i", "2", "-r", "100ms"),
    /** A first look: three short rounds. */
    QUICK(3, true, "-f", "1", "-wi", "1", "-w", "500ms", "-i", "2", "-r", "500ms"),
    /** The default: five rounds, so that a comparison pairs five forks a side, in about the time of two long forks. */
    STANDARD(5, true, "-f", "1", "-wi", "1", "-w", "500ms", "-i", "2", "-r", "500ms"),
    /** For publication: ten rounds of longer forks. */
    FULL(10, true, "-f", "1", "-wi", "2", "-w", "1s", "-i", "3", "-r", "1s");

    /**
     * The forked JVMs' flags, the same in every profile and environment: a fixed heap and collector, so that
     * a VM with little memory doesn't silently get a different GC (the JVM picks Serial below 2 CPUs or 1792 MB).
     */
    public static final List<String> FORK_JVM_ARGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC");

    private final int rounds;
    private final boolean warmupFloors;
    private final List<String> args;

    Profile(int rounds, boolean warmupFloors, String... args) {
        this.rounds = rounds;
        this.warmupFloors = warmupFloors;
        this.args = List.of(args);
    }

    /**
     * Whether an emulated environment (a VM under TCG) runs one class per area of this profile's run of the whole suite
     * rather than every class ({@link BenchmarkSelection#onePerArea}): smoke's. Under emulation every fork's JVM takes 7-11 s to start
     * (measured on this project's machine), once per benchmark method and parameter combination, so the whole suite's
     * forks make a smoke run's VM part a quarter of an hour; one class per area shows in a few minutes that every area
     * runs in the VM. Its numbers measure the emulator in any case; the other profiles run every class there.
     */
    public boolean samplesEmulated() {
        return this == SMOKE;
    }

    /** Whether a class's {@code @Warmup} raises this profile's warm-up for it (see {@link JmhCommandLine#forClass}). */
    public boolean warmupFloors() {
        return warmupFloors;
    }

    /** How many rounds a run of this profile makes. */
    public int rounds() {
        return rounds;
    }

    /** The JMH options of one round of this profile, fork JVM flags included. */
    public List<String> jmhArgs() {
        List<String> all = new java.util.ArrayList<>(args);
        all.add("-jvmArgs");
        all.add(String.join(" ", FORK_JVM_ARGS));
        return List.copyOf(all);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Profile parse(String name) {
        for (Profile profile : values()) {
            if (profile.id().equals(name)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "' (choose one of " + ids() + ")");
    }

    public static String ids() {
        return Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", "));
    }
}
