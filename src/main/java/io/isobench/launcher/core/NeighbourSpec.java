package io.isobench.launcher.core;

import io.isobench.load.LoadGenerator;
import io.isobench.load.LoadKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --neighbours K --load cpu|io|net} as a value: K sibling instances of an environment's kind, each loading the
 * machine with its own load generator while that environment runs a step. It names the environment that runs beside
 * them, the alone environment's name with {@code -nb<K><load>}: {@code host-nb1cpu}, {@code container-bridge-nb2io},
 * {@code container-runsc-bridge-nb1net}; {@link #twinName} and {@link #parseName} round-trip.
 */
public record NeighbourSpec(int count, LoadKind load) {

    /** More siblings than this would measure the machine's overload, not the isolation. */
    public static final int MAX_COUNT = 16;

    private static final Pattern NAME = Pattern.compile("(.+)-nb([1-9][0-9]?)(" + String.join("|",
            java.util.Arrays.stream(LoadKind.values()).map(LoadKind::id).toList()) + ")");

    public NeighbourSpec {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("--neighbours must be between 1 and " + MAX_COUNT + ", got " + count);
        }
        if (load == null) {
            throw new IllegalArgumentException("--neighbours needs --load cpu, io or net");
        }
    }

    /** {@code nb2cpu}: what the twin's name adds to the alone environment's. */
    public String suffix() {
        return "nb" + count + load.id();
    }

    /** The name of the environment that runs beside these neighbours: {@code container-bridge-nb2cpu}. */
    public String twinName(String alone) {
        return alone + "-" + suffix();
    }

    /** A twin's name taken apart: the alone environment's name and the neighbours. */
    public record Named(String alone, NeighbourSpec neighbours) {
    }

    /** The alone environment and the neighbours a name says, or empty when it is no twin's name. */
    public static Optional<Named> parseName(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Named(m.group(1), new NeighbourSpec(Integer.parseInt(m.group(2)), LoadKind.parse(m.group(3)))));
    }

    /**
     * The load generator's command line as a sibling runs it, with the paths as the sibling sees them: its java and the
     * jar, the control directory, and where the io load writes its files (the same disk as the environment's own).
     */
    public List<String> command(String java, String jar, String control, String ioDir) {
        return new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx64m", "-cp", jar, LoadGenerator.class.getName(),
                "--load", load.id(), "--control", control, "--dir", ioDir));
    }
}
