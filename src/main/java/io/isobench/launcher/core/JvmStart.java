package io.isobench.launcher.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Wall time of {@code java -version}, timed inside the environment by one shell loop, the same on the host, in a
 * container and in a VM: the first start warms the caches and is dropped, {@link FootprintWriter#SAMPLES} are kept.
 */
public final class JvmStart {

    private JvmStart() {
    }

    /**
     * A POSIX shell script that prints one line of nanoseconds per start of the java named by its first argument: the
     * path is an argument, never part of the script's text, so no character in it is read as shell syntax.
     */
    static final String SCRIPT = "for i in $(seq 0 " + FootprintWriter.SAMPLES + "); do s=$(date +%s%N); \"$1\" -version "
            + ">/dev/null 2>&1 || exit 1; e=$(date +%s%N); echo \"jvmstart $((e-s))\"; done";

    /** The command that runs {@link #SCRIPT} for {@code java}: {@code sh -c SCRIPT sh JAVA}. */
    public static List<String> command(String java) {
        return List.of("sh", "-c", SCRIPT, "sh", java);
    }

    /** Milliseconds per start from the script's output, without the first (warm-up) start. */
    public static List<Double> parse(String output) throws LauncherException {
        List<Double> samples = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("jvmstart ")) {
                samples.add(Math.round(Long.parseLong(line.substring(9).trim()) / 1e5) / 10.0);
            }
        }
        if (samples.size() != FootprintWriter.SAMPLES + 1) {
            throw new LauncherException("java -version did not run " + (FootprintWriter.SAMPLES + 1) + " times: " + output.strip());
        }
        return samples.subList(1, samples.size());
    }
}
