package io.isobench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.isobench.schema.Contradiction;
import io.isobench.schema.EnvironmentKind;
import io.isobench.schema.Fingerprint;
import io.isobench.schema.EnvironmentRecord;
import io.isobench.schema.ExitCode;
import io.isobench.schema.Problem;
import io.isobench.schema.ResultJson;
import io.isobench.schema.ResultLayout;
import io.isobench.schema.Unsteady;
import io.isobench.support.BenchDir;
import io.isobench.support.Peer;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The suite runner: what every environment executes inside benchmarks.jar. It runs the selected benchmarks one
 * class at a time with the profile's JMH options, merges the results into {@code jmh.json} after every class
 * (so a later failure loses nothing), and writes {@code environment.json} and {@code jmh.log}. After each class it checks
 * the rows' evidence against their claims ({@link ClaimCheck}) and their iterations for a trend ({@link SteadyState}),
 * and lists what it finds in environment.json ({@code contradicted}, {@code unsteady}), beside the environment's
 * {@link Caveats}.
 *
 * <pre>java -cp benchmarks.jar io.isobench.suite.SuiteMain --out DIR [--kind K] [--profile P] [--include RE] [-- JMH options]</pre>
 */
@Command(name = "isobench-suite", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the isobench JMH suite in this environment and writes DIR/jmh.json, environment.json, jmh.log.")
public final class SuiteMain implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Environment directory to write the results into.")
    Path out;

    @Option(names = "--kind", defaultValue = "host", description = "The kind of environment: host, container, vm or a "
            + "registered kind's id (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--variant", defaultValue = "default", description = "The environment's variant, recorded as is.")
    String variant;

    @Option(names = "--accel", defaultValue = "none", description = "none, kvm or tcg (default: ${DEFAULT-VALUE}).")
    String accel;

    @Option(names = "--env", description = "Environment name for progress lines (default: the out directory's name).")
    String env;

    @Option(names = "--run-id", defaultValue = "", description = "The run this environment belongs to.")
    String runId;

    @Option(names = "--profile", defaultValue = "standard", description = "smoke, quick, standard or full (default: ${DEFAULT-VALUE}).")
    String profileName;

    @Option(names = "--include", description = "Regular expression of benchmarks to run (repeatable; default: all).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--bench-dir", description = "Directory for the file benchmarks (default: -Disobench.dir, else java.io.tmpdir).")
    Path benchDir;

    @Option(names = "--peer", description = "HOST:PORT of an external EchoPeer for PeerRoundTripBenchmark.")
    String peer;

    @Option(names = "--peer-path", description = "How the peer is reached from here (recorded in environment.json): "
            + "loopback, bridge-to-host, host-network-loopback, sibling-bridge, vm-user-slirp, vm-tap, ...")
    String peerPath;

    @Option(names = "--fork-archive", paramLabel = "FILE", description = "A class-data archive of the forks' classes "
            + "(made by io.isobench.suite.ForkArchive in this environment): every fork maps it "
            + "(-XX:SharedArchiveFile), when it exists.")
    Path forkArchive;

    @Option(names = "--round", defaultValue = "0",
            description = "The round this invocation is part of (1, 2, ...): its results are merged into DIR's jmh.json, "
                    + "each fork tagged with its round, instead of replacing it (default: not part of rounds).")
    int round;

    @Option(names = "--list", description = "List the selected benchmarks and exit.")
    boolean list;

    @Parameters(description = "Raw JMH options (after --); they override the profile's.")
    List<String> jmhOptions = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Profile profile = Profile.parse(profileName);
        if (!EnvironmentKind.valid(kind)) {
            throw new IllegalArgumentException("--kind '" + kind + "' is not a kind of environment (host, container, vm, ...)");
        }
        requireOneOf("--accel", accel, "none", "kvm", "tcg");
        List<String> patterns = includes.isEmpty() ? List.of(".*") : includes;
        List<BenchmarkSelection.Group> groups = BenchmarkSelection.select(patterns,
                JmhCommandLine.of(profile, jmhOptions).parameterCounts());
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("--include " + String.join(" ", patterns) + " matches no benchmark");
        }
        if (list) {
            groups.forEach(group -> group.methods().forEach(System.out::println));
            return 0;
        }
        Path dir = checkedBenchDir();
        System.setProperty(BenchDir.PROPERTY, dir.toString());
        if (peer != null && !peer.isBlank()) {
            Peer.parse(peer);
            System.setProperty(Peer.PROPERTY, peer);
            System.setProperty(Peer.PATH_PROPERTY, peerPath == null ? "unknown" : peerPath);
        }
        // Bad raw options fail here, before anything runs, checked as the launcher checks them.
        List<String> jmhArgs = JmhCommandLine.of(profile, jmhOptions).validate().args();
        List<String> forkProperties = forkProperties(dir);
        Path envDir = checkedOutDir();
        String envName = env == null ? envDir.getFileName().toString() : env;

        List<String> recordedArgs = new ArrayList<>(jmhArgs);
        recordedArgs.add("-jvmArgsPrepend");
        recordedArgs.add(String.join(" ", forkProperties));
        EnvironmentRecord record = round > 0 ? earlierRound(envDir) : null;
        if (record == null) {
            Fingerprint fingerprint = FingerprintProbe.collect(new FingerprintProbe.Context(envName, kind,
                    variant, accel, runId, profile, recordedArgs, dir, FingerprintProbe.ownJar().orElse(null)));
            record = EnvironmentRecord.running(fingerprint).withCaveats(Caveats.of(fingerprint));
            record.caveats().forEach(caveat -> System.out.println("[" + envName + "] caveat: " + caveat.subject() + " "
                    + caveat.value() + ": " + caveat.reason()));
        }
        record = record.withStatus(EnvironmentRecord.RUNNING);
        write(envDir, record);

        ArrayNode results = round > 0 && Files.isRegularFile(ResultLayout.jmhJson(envDir))
                ? (ArrayNode) JsonFiles.read(ResultLayout.jmhJson(envDir)) : JsonFiles.MAPPER.createArrayNode();
        int failedBefore = record.failed().size();
        long suiteStart = System.nanoTime();
        Path partsDir = Files.createTempDirectory("isobench-parts-");
        FailureLine failures = new FailureLine();
        try (PrintStream log = new PrintStream(new FileOutputStream(ResultLayout.jmhLog(envDir).toFile(), true), true);
             PrintStream both = new PrintStream(new TeeOutputStream(new TeeOutputStream(System.out, log), failures), true)) {
            OutputFormat format = OutputFormatFactory.createFormatInstance(both, VerboseMode.NORMAL);
            for (int i = 0; i < groups.size(); i++) {
                BenchmarkSelection.Group group = groups.get(i);
                String tag = "[" + envName + (round > 0 ? " round " + round : " " + (i + 1) + "/" + groups.size()) + "] "
                        + group.shortName();
                Optional<String> missing;
                try {
                    missing = group.requirement().isPresent() ? group.requirement().get().value().missing() : Optional.empty();
                } catch (IOException e) {
                    // The probe could not run (a full disk): the class fails with that reason; it is not a skip.
                    String reason = "its capability probe could not run: " + e.getMessage();
                    both.println(tag + " FAILED: " + reason);
                    for (String method : group.methods()) {
                        record = record.withFailed(new Problem(method, roundOrNull(), reason));
                    }
                    write(envDir, record);
                    continue;
                }
                if (missing.isPresent()) {
                    both.println(tag + " skipped: " + missing.get());
                    for (String method : group.methods()) {
                        record = record.withSkipped(new Problem(method, null, missing.get()));
                    }
                    continue;
                }
                both.println(tag + " ...");
                long start = System.nanoTime();
                Path part = partsDir.resolve(i + ".json");
                failures.reset();
                String error = runGroup(group, JmhCommandLine.of(profile, jmhOptions).forClass(group.type()).args(),
                        forkProperties, part, format);
                Map<String, Long> produced = new HashMap<>();
                ArrayNode step = JsonFiles.MAPPER.createArrayNode();
                try {
                    if (Files.isRegularFile(part) && Files.size(part) > 0) {
                        for (JsonNode result : JsonFiles.read(part)) {
                            step.add(result);
                            produced.merge(result.path("benchmark").asText(), 1L, Long::sum);
                        }
                    }
                } catch (IOException e) {
                    error = "unreadable JMH results: " + e.getMessage();
                }
                if (round > 0) {
                    RoundMerge.merge(results, step, round);
                } else {
                    results.addAll(step);
                }
                JsonFiles.write(ResultLayout.jmhJson(envDir), results);
                Set<String> methods = Set.copyOf(group.methods());
                List<Contradiction> contradicted = ClaimCheck.contradictions(results, methods);
                List<Unsteady> unsteady = SteadyState.unsteady(results, methods);
                record = record.withEvidence(methods, contradicted, unsteady);
                for (Contradiction c : contradicted) {
                    both.printf("%s contradicted: %s%s %s = %s, claims %s%n", tag, shortMethod(c.benchmark()),
                            c.params().isEmpty() ? "" : " " + c.params(), c.evidence(), c.value(), c.claim());
                }
                for (Unsteady u : unsteady) {
                    both.printf("%s unsteady: %s%s moved %+.0f %% from the first to the last iteration%n", tag,
                            shortMethod(u.benchmark()), u.params().isEmpty() ? "" : " " + u.params(), 100 * u.firstToLast());
                }
                boolean complete = true;
                for (Map.Entry<String, Long> expected : group.configurationsByMethod().entrySet()) {
                    long got = produced.getOrDefault(expected.getKey(), 0L);
                    if (got < expected.getValue()) {
                        complete = false;
                        record = record.withFailed(new Problem(expected.getKey(), roundOrNull(),
                                (got == 0 ? "no result" : (expected.getValue() - got) + " of "
                                        + expected.getValue() + " parameter combinations have no result")
                                        + (error != null ? ": " + error : failures.first()
                                        .map(why -> ": " + why + "; see " + ResultLayout.JMH_LOG)
                                        .orElse("; see " + ResultLayout.JMH_LOG))));
                    }
                }
                write(envDir, record);
                boolean done = complete;
                both.printf("%s %s in %.1f s (elapsed %.0f s)%n", tag, done ? "done" : "FAILED",
                        seconds(start), seconds(suiteStart));
            }
        } finally {
            BenchDir.deleteRecursively(partsDir);
        }
        if (round > 0) {
            // Part of a run in rounds: the launcher says when the environment is complete.
            write(envDir, record);
            return record.failed().size() > failedBefore ? ExitCode.PARTIAL : ExitCode.DONE;
        }
        int failed = record.failed().size();
        record = record.finished(failed == 0 ? EnvironmentRecord.COMPLETE : EnvironmentRecord.PARTIAL,
                Math.round(seconds(suiteStart)));
        write(envDir, record);
        JsonFiles.write(ResultLayout.jmhJson(envDir), results);
        if (failed > 0) {
            System.err.println("isobench: " + failed + " benchmark(s) failed in " + envName
                    + "; the other results are in " + ResultLayout.jmhJson(envDir) + ", details in " + ResultLayout.jmhLog(envDir));
            return ExitCode.PARTIAL;
        }
        return ExitCode.DONE;
    }

    /** The record written by an earlier round of this run into the same directory, or null. */
    private EnvironmentRecord earlierRound(Path envDir) throws IOException {
        Path file = ResultLayout.environmentJson(envDir);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        EnvironmentRecord earlier = ResultJson.read(file, EnvironmentRecord.class);
        return Objects.equals(earlier.fingerprint().runId(), runId) && Objects.equals(earlier.fingerprint().env(),
                env == null ? envDir.getFileName().toString() : env) ? earlier : null;
    }

    /** {@code oDirect}: a benchmark method's own name. */
    private static String shortMethod(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private Integer roundOrNull() {
        return round > 0 ? round : null;
    }

    private static void write(Path envDir, EnvironmentRecord record) throws IOException {
        JsonFiles.writeAtomically(ResultLayout.environmentJson(envDir), ResultJson.toJson(record));
    }

    private String runGroup(BenchmarkSelection.Group group, List<String> jmhArgs, List<String> forkProperties,
                            Path part, OutputFormat format) {
        List<String> args = new ArrayList<>(jmhArgs);
        args.addAll(List.of("-rf", "json", "-rff", part.toString()));
        try {
            new Runner(parseJmh(args, group.includes()).jvmArgsPrepend(forkProperties.toArray(String[]::new))
                    .addProfiler(SchedulingProfiler.class).build(), format).run();
            return null;
        } catch (RunnerException | RuntimeException e) {
            format.println("isobench: " + group.className() + " failed: " + e);
            return String.valueOf(e.getMessage());
        }
    }

    private static ChainedOptionsBuilder parseJmh(List<String> args, List<String> includes) {
        List<String> all = new ArrayList<>(args);
        all.addAll(includes);
        try {
            return new OptionsBuilder().parent(new CommandLineOptions(all.toArray(String[]::new)));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("bad JMH option: " + e.getMessage());
        }
    }

    /** System properties every forked JVM gets, so benchmarks see the same directory and peer as the runner. */
    private List<String> forkProperties(Path dir) {
        List<String> properties = new ArrayList<>();
        properties.add("-D" + BenchDir.PROPERTY + "=" + dir);
        if (forkArchive != null && Files.isRegularFile(forkArchive)) {
            properties.add("-XX:SharedArchiveFile=" + forkArchive.toAbsolutePath());
        }
        if (peer != null && !peer.isBlank()) {
            properties.add("-D" + Peer.PROPERTY + "=" + peer);
        }
        return properties;
    }

    private Path checkedBenchDir() {
        Path dir = (benchDir != null ? benchDir : BenchDir.root()).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("benchmark directory " + dir + " does not exist or is not a directory");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("benchmark directory " + dir + " is not writable");
        }
        return dir;
    }

    private Path checkedOutDir() {
        Path dir = out.toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".probe", ".tmp"));
            return dir;
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("cannot write results to " + dir + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private static void requireOneOf(String option, String value, String... allowed) {
        if (!List.of(allowed).contains(value)) {
            throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(new SuiteMain(), "isobench", args));
    }
}
