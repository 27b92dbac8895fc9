package io.isobench.suite;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The run profiles, defined once and used by every environment: forks, warm-up and measurement.
 * Raw JMH options given after them override them flag by flag (see {@link JmhCommandLine}).
 */
public enum Profile {

    /** For tests: shows that everything runs, not how fast. */
    SMOKE("-f", "1", "-wi", "1", "-w", "100ms", "-i", "2", "-r", "100ms"),
    /** A first look: one fork. */
    QUICK("-f", "1", "-wi", "2", "-w", "1s", "-i", "3", "-r", "1s"),
    /** The default: two forks, so run-to-run variance shows in the error. */
    STANDARD("-f", "2", "-wi", "2", "-w", "1s", "-i", "4", "-r", "1s"),
    /** For publication: three forks and longer iterations. */
    FULL("-f", "3", "-wi", "5", "-w", "2s", "-i", "10", "-r", "2s");

    /**
     * The forked JVMs' flags, the same in every profile and environment: a fixed heap and collector, so that
     * a VM with little memory doesn't silently get a different GC (the JVM picks Serial below 2 CPUs or 1792 MB).
     */
    public static final List<String> FORK_JVM_ARGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC");

    private final List<String> args;

    Profile(String... args) {
        this.args = List.of(args);
    }

    /** The JMH options of this profile, fork JVM flags included. */
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
