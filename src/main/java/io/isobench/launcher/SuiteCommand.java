package io.isobench.launcher;

import io.isobench.suite.SuiteMain;

import java.util.ArrayList;
import java.util.List;

/**
 * The suite runner's command line, the one thing every environment executes: only the paths (where java, the
 * jar and the directories are as seen from inside) and the identity differ between host, container and VM.
 */
public record SuiteCommand(String java, String jar, String envDir, String benchDir, String peer) {

    /** Identity of the environment as recorded in the fingerprint. */
    public record Identity(String name, String kind, String variant, String accel) {
    }

    public List<String> args(RunSpec spec, Identity identity) {
        List<String> args = new ArrayList<>(List.of(java, "-cp", jar, SuiteMain.class.getName(),
                "--out", envDir,
                "--env", identity.name(),
                "--kind", identity.kind(),
                "--variant", identity.variant(),
                "--accel", identity.accel(),
                "--run-id", spec.runId(),
                "--profile", spec.profile().id(),
                "--bench-dir", benchDir));
        if (peer != null) {
            args.add("--peer");
            args.add(peer);
        }
        for (String include : spec.includes()) {
            args.add("--include");
            args.add(include);
        }
        if (!spec.jmhOptions().isEmpty()) {
            args.add("--");
            args.addAll(spec.jmhOptions());
        }
        return args;
    }

    /** The same command as one line for a POSIX shell (used by the VM's run script). */
    public static String shellQuote(List<String> args) {
        StringBuilder line = new StringBuilder();
        for (String arg : args) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append('\'').append(arg.replace("'", "'\\''")).append('\'');
        }
        return line.toString();
    }
}
