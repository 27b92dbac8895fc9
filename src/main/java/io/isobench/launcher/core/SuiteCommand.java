package io.isobench.launcher.core;

import io.isobench.suite.BenchmarkSelection;
import io.isobench.suite.SuiteMain;

import java.util.ArrayList;
import java.util.List;

/**
 * The suite runner's command line, the one thing every environment executes: only the paths (where java, the
 * jar and the directories are as seen from inside), the peer's address and the identity differ between host, container
 * and VM.
 *
 * @param peer     the host's echo peer as dialled from inside, {@code HOST:PORT}, or null
 * @param peerPath how the peer is reached, as the fingerprint records it ({@link io.isobench.support.Peer#PATH_PROPERTY})
 */
public record SuiteCommand(String java, String jar, String envDir, String benchDir, String peer, String peerPath,
                           String forkArchive) {

    /** Without a fork archive (see {@link #withForkArchive}). */
    public SuiteCommand(String java, String jar, String envDir, String benchDir, String peer, String peerPath) {
        this(java, jar, envDir, benchDir, peer, peerPath, null);
    }

    /** The same command whose steps' forks map the class-data archive at {@code path} (as seen inside). */
    public SuiteCommand withForkArchive(String path) {
        return new SuiteCommand(java, jar, envDir, benchDir, peer, peerPath, path);
    }

    /**
     * Where this environment's fork archive goes: in its benchmark directory, named for the environment (host and
     * host-b share the host's directory).
     */
    public String forkArchiveFor(String environment) {
        return benchDir + "/isobench-forks-" + environment + ".jsa";
    }

    /**
     * The JVM that writes the fork archive at {@code path}: the forks' own flags and class path, and
     * {@code -XX:ArchiveClassesAtExit} (see {@link io.isobench.suite.ForkArchive}).
     */
    public List<String> forkArchiveDump(String path) {
        List<String> args = new ArrayList<>(List.of(java));
        args.addAll(io.isobench.suite.Profile.FORK_JVM_ARGS);
        args.addAll(List.of("-XX:ArchiveClassesAtExit=" + path, "-cp", jar, io.isobench.suite.ForkArchive.class.getName()));
        return args;
    }

    /** Identity of the environment as recorded in the fingerprint. */
    public record Identity(String name, String kind, String variant, String accel) {
    }

    /**
     * One step: the benchmarks of {@code group} (in rounds one benchmark of a class) in round {@code round}, stopped
     * (with every process it started) after {@code budgetSeconds}, exiting {@value #TIMED_OUT} or {@value #KILLED}
     * then: written as coreutils' {@code timeout} command, which is how a step runs as a command of its own, and how
     * {@link #serverRequest} reads its budget for the suite server that runs it in every environment.
     */
    public List<String> step(RunSpec spec, Identity identity, BenchmarkSelection.Group group, int round, long budgetSeconds) {
        List<String> args = new ArrayList<>(List.of("timeout", "-k", "10", String.valueOf(budgetSeconds), java));
        args.addAll(RUNNER_JVM_ARGS);
        args.addAll(List.of("-cp", jar, SuiteMain.class.getName(),
                "--out", envDir,
                "--env", identity.name(),
                "--kind", identity.kind(),
                "--variant", identity.variant(),
                "--accel", identity.accel(),
                "--run-id", spec.runId(),
                "--profile", spec.profile().id(),
                "--bench-dir", benchDir,
                "--round", String.valueOf(round)));
        if (forkArchive != null) {
            args.add("--fork-archive");
            args.add(forkArchive);
        }
        if (peer != null) {
            args.add("--peer");
            args.add(peer);
            args.add("--peer-path");
            args.add(peerPath);
        }
        for (String include : group.includes()) {
            args.add("--include");
            args.add(include);
        }
        if (!spec.jmhOptions().isEmpty()) {
            args.add("--");
            args.addAll(spec.jmhOptions());
        }
        return args;
    }

    /**
     * The suite runner's own JVM flags, the same everywhere. The runner is JMH's parent, which waits while its forks are
     * measured; C1 only and the serial collector keep it from spending CPU (under TCG, all vCPUs share one host
     * thread) on compiling and collecting during a fork. Forks never inherit these: the profile always gives JMH
     * {@code -jvmArgs}, which replaces inheritance (the fork's flags are in jmh.json's {@code jvmArgs}).
     */
    public static final List<String> RUNNER_JVM_ARGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

    /** coreutils' timeout: the command was stopped with SIGTERM ... */
    public static final int TIMED_OUT = io.isobench.suite.SuiteServer.TIMED_OUT;
    /** ... or, not ending 10 s later, with SIGKILL. */
    public static final int KILLED = io.isobench.suite.SuiteServer.KILLED;

    /**
     * A step made by {@link #step} as {@link io.isobench.suite.SuiteServer} takes it ({@code N.step}): its budget and
     * the suite runner's arguments; the JVM flags are the server's own, which are {@link #RUNNER_JVM_ARGS}.
     */
    public static String serverRequest(List<String> step) {
        int main = step.indexOf(SuiteMain.class.getName());
        if (step.size() < 5 || !step.get(0).equals("timeout") || main < 0) {
            throw new IllegalArgumentException("not a step of SuiteCommand: " + step);
        }
        com.fasterxml.jackson.databind.node.ObjectNode request = io.isobench.suite.JsonFiles.MAPPER.createObjectNode();
        request.put("budgetSeconds", Long.parseLong(step.get(3)));
        step.subList(main + 1, step.size()).forEach(request.putArray("args")::add);
        return request.toString();
    }

    /** The suite server's command line ({@link io.isobench.suite.SuiteServer}) for the step files in {@code steps}. */
    public List<String> server(String steps) {
        List<String> args = new ArrayList<>(List.of(java));
        args.addAll(RUNNER_JVM_ARGS);
        args.addAll(List.of("-cp", jar, io.isobench.suite.SuiteServer.class.getName(), "--steps", steps));
        return args;
    }

    /** The same command as one line for a POSIX shell (used by the VM's command files). */
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
