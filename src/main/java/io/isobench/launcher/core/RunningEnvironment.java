package io.isobench.launcher.core;

import io.isobench.schema.EnvironmentRecord;
import io.isobench.schema.ExitCode;
import io.isobench.schema.Fingerprint;
import io.isobench.schema.Measurement;
import io.isobench.schema.Problem;
import io.isobench.schema.ResultJson;
import io.isobench.schema.ResultLayout;
import io.isobench.schema.UntrustedFile;
import io.isobench.suite.BenchmarkSelection;
import io.isobench.suite.JsonFiles;
import io.isobench.suite.RunBudget;
import io.isobench.support.InboundService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One environment of a run while it runs: the lifecycle that host, container and VM share. It starts the environment,
 * measures what every kind has (JVM start time), runs one step (a class in a round) at a time with its budget, keeps
 * the results in the environment directory after every step, marks steps that failed or hung, and says at the end
 * whether the environment completed.
 */
final class RunningEnvironment {

    /** Room for the environment itself to answer, beyond a step's own budget, before it counts as lost. */
    private static final long ANSWER_GRACE_SECONDS = 120;
    private static final long SHORT_COMMAND_SECONDS = 300;
    /** Making the fork archive, on the host (an emulated environment gets its slowdown times as long). */
    private static final long FORK_ARCHIVE_SECONDS = 120;
    private static final long REMOVE_SECONDS = 30;
    /** The suite server's directory in the results directory, while the environment runs. */
    static final String STEPS = ".steps";
    /** Where the inbound client on the host points the suite's benchmark directory (it writes no files there). */
    private static final String HOST_BENCH_DIR = Workspace.HOST_BENCH_DIR;

    /** What happened to one step. */
    enum Status {
        OK, FAILED, HUNG, LOST;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One step as the timeline records it; {@code benchmark} when it ran one benchmark of its class, else null. */
    record Step(int round, String environment, String benchmarkClass, String benchmark, Instant startedAt,
                Instant endedAt, int exitCode, Status status) {

        Step(int round, String environment, BenchmarkSelection.Group group, Instant startedAt, Instant endedAt,
             int exitCode, Status status) {
            this(round, environment, group.className(), group.benchmark(), startedAt, endedAt, exitCode, status);
        }
    }

    private final Environment environment;
    private final Path envDir;
    private final FootprintWriter footprint;
    private final Instance instance;
    /** The suite command, with the fork archive once it is made. */
    private SuiteCommand suite;
    /** The suite server that runs the steps: the environment's own, or {@link #startedHere} (closed at the end). */
    private StepServer server;
    private boolean startedHere;
    private final long startNanos = System.nanoTime();
    private String lost;
    private boolean finished;
    /** The files {@link #collect} did not take back, as it said them: each is said once. */
    private final java.util.Set<String> said = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** An inbound client running on the host, for the cleanup to stop on Ctrl-C. */
    private final java.util.concurrent.atomic.AtomicReference<Process> hostStep = new java.util.concurrent.atomic.AtomicReference<>();

    private RunningEnvironment(Environment environment, Path envDir, FootprintWriter footprint, Instance instance) {
        this.environment = environment;
        this.envDir = envDir;
        this.footprint = footprint;
        this.instance = instance;
        this.suite = instance.suite();
    }

    /** Starts the environment and prepares it for steps; on failure, whatever was started is stopped. */
    static RunningEnvironment start(Environment environment, RunSpec spec) throws LauncherException, InterruptedException {
        Path envDir = spec.runDir().resolve(environment.name());
        Progress.say(environment.name() + ": starting; results go to " + envDir);
        removeStaleResults(envDir);
        FootprintWriter footprint = new FootprintWriter(envDir);
        Instance instance;
        try {
            instance = environment.start(spec, envDir, footprint);
        } catch (RuntimeException e) {
            throw new LauncherException(environment.name() + " did not start: " + LauncherException.rootMessage(e), e);
        }
        RunningEnvironment running = new RunningEnvironment(environment, envDir, footprint, instance);
        try {
            SuiteCommand suite = instance.suite();
            running.mustSucceed(List.of("mkdir", "-p", suite.benchDir(), suite.envDir()));
            footprint.attempt("JVM start time", () -> {
                Measurement start = Measurement.of(JvmStart.parse(running.capture(JvmStart.command(suite.java()))));
                footprint.update(f -> f.jvmStartMillis(start));
            });
            running.suite = running.withForkArchive(suite);
            running.startServer();
            return running;
        } catch (LauncherException | InterruptedException | RuntimeException e) {
            running.closeServer(true);
            instance.close();
            throw e;
        }
    }

    /**
     * The suite command with this environment's fork archive ({@link io.isobench.suite.ForkArchive}), made here with
     * the forks' flags; without one when it could not be made (the forks then load their classes from the jar, and a
     * warning says so: their start, not their measurement, differs from the other environments').
     */
    private SuiteCommand withForkArchive(SuiteCommand suite) throws InterruptedException {
        String path = suite.forkArchiveFor(name());
        Processes.Tail out = new Processes.Tail(1 << 16);
        try {
            int rc = instance.exec(suite.forkArchiveDump(path), out, Math.round(FORK_ARCHIVE_SECONDS
                    * Math.max(1, instance.slowdown())));
            if (rc == 0) {
                return suite.withForkArchive(path);
            }
            Progress.warn(name() + ": no class-data archive for the forks (exit " + rc + "): they load their classes "
                    + "from the jar; " + out.toString().strip().lines().reduce((a, b) -> b).orElse(""));
        } catch (LauncherException e) {
            Progress.warn(name() + ": no class-data archive for the forks: " + e.getMessage());
        }
        return suite;
    }

    /**
     * The environment's suite server: its own (a VM's), or one started now in it, on {@link #STEPS} in its results
     * directory, with the suite command whose steps it runs.
     */
    private void startServer() throws LauncherException {
        java.util.Optional<StepServer> own = instance.ownServer();
        if (own.isPresent()) {
            server = own.get();
            return;
        }
        server = StepServer.start(instance, suite, instance.resultsOnHost().resolve(STEPS), suite.envDir() + "/" + STEPS);
        startedHere = true;
    }

    /** Ends a server the launcher started: at once after Ctrl-C, when its step may still run. */
    private void closeServer(boolean now) {
        if (startedHere) {
            server.close(now);
        }
    }

    /**
     * Removes the fork archive before the layer after the suite is measured, with a warning when it cannot. Not after
     * Ctrl-C or in a lost environment: a container's or VM's goes with it, and the host's stays in its private
     * benchmark directory, where the next run of this environment writes it anew.
     */
    private void removeForkArchive() {
        if (suite.forkArchive() == null) {
            return;
        }
        try {
            instance.exec(List.of("rm", "-f", suite.forkArchive()), java.io.OutputStream.nullOutputStream(),
                    REMOVE_SECONDS);
        } catch (LauncherException e) {
            Progress.warn(name() + ": cannot remove the forks' class-data archive " + suite.forkArchive() + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String name() {
        return environment.name();
    }

    boolean emulated() {
        return instance.emulated();
    }

    Path envDir() {
        return envDir;
    }

    /** Whether the environment takes part in this round. */
    boolean runsIn(RunSpec spec, int round) {
        return lost == null && !stopped() && spec.takesPart(instance.emulated(), round);
    }

    /** Whether the environment was finished: at the end, or by the cleanup when the run was stopped (Ctrl-C). */
    synchronized boolean stopped() {
        return finished;
    }

    /** Whether the environment stopped answering; later steps are not run in it. */
    boolean lost() {
        return lost != null;
    }

    String lostReason() {
        return lost;
    }

    /**
     * Runs a group (one benchmark of a class, or a whole class) in one round. A step that fails or hangs is marked and
     * the run goes on.
     */
    Step step(RunSpec spec, BenchmarkSelection.Group group, int round) throws InterruptedException {
        java.util.Optional<InboundService> inbound = group.requirement().flatMap(r -> InboundService.requiredBy(r.value()));
        if (inbound.isPresent()) {
            return inboundStep(spec, group, round, inbound.get());
        }
        Instant started = Instant.now();
        long budget = spec.stepBudgetSeconds(group, instance.slowdown());
        List<String> command = suite.step(spec, instance.identity(), group, round, budget);
        int exitCode = -1;
        Status status;
        try {
            long answer = budget + ANSWER_GRACE_SECONDS;
            exitCode = startedHere ? instance.duringStep(answer, () -> server.runStep(command, System.out, answer))
                    : instance.runStep(command, System.out, answer);
            status = switch (exitCode) {
                case 0 -> Status.OK;
                case SuiteCommand.TIMED_OUT, SuiteCommand.KILLED -> Status.HUNG;
                default -> Status.FAILED;
            };
        } catch (LauncherException e) {
            if (stopped()) {
                // The cleanup removed the environment under this step (Ctrl-C): the run is ending, nothing was lost.
                return new Step(round, name(), group, started, Instant.now(), exitCode, Status.FAILED);
            }
            lost = e.getMessage();
            status = Status.LOST;
            Progress.warn(name() + " was lost in round " + round + " (" + group.label() + "): " + e.getMessage()
                    + "; it runs no further steps");
        }
        String reason = switch (status) {
            case OK -> null;
            case HUNG -> "did not finish within " + budget + " s in round " + round + " and was stopped";
            case LOST -> "the environment was lost in round " + round + ": " + lost;
            case FAILED -> exitCode == ExitCode.PARTIAL ? null
                    : "the suite runner exited " + exitCode + " in round " + round + "; see " + ResultLayout.JMH_LOG;
        };
        if (reason != null) {
            markFailed(group, round, reason);
        }
        collect();
        return new Step(round, name(), group, started, Instant.now(), exitCode, status);
    }

    /**
     * Runs an inbound class in one round: an EchoPeer serving {@code service} is started inside the environment, the
     * suite runner runs the class
     * on the host against it (the client is the host's, the path is the environment's) into {@code inbound/}, and the
     * peer is stopped. Its failures are the environment's; it never makes the environment lost.
     */
    private Step inboundStep(RunSpec spec, BenchmarkSelection.Group group, int round, InboundService service)
            throws InterruptedException {
        Instant started = Instant.now();
        long budget = spec.stepBudgetSeconds(group, RunBudget.NATIVE_SLOWDOWN);
        int exitCode = -1;
        Status status = Status.FAILED;
        String reason = null;
        InboundPeer peer = null;
        try {
            PrivateDir.ensure(Path.of(HOST_BENCH_DIR));
            peer = instance.startInboundPeer(service);
            Path dir = inboundDir(envDir);
            SuiteCommand client = new SuiteCommand(spec.runtime().java().toString(), spec.benchmarksJar().toString(),
                    dir.toString(), HOST_BENCH_DIR, peer.address(), peer.path());
            List<String> command = client.step(spec, new SuiteCommand.Identity(name(), "host", "inbound-client", "none"),
                    group, round, budget);
            exitCode = instance.duringStep(budget + ANSWER_GRACE_SECONDS,
                    () -> Processes.stream(command, System.out, budget + ANSWER_GRACE_SECONDS, hostStep));
            status = switch (exitCode) {
                case 0 -> Status.OK;
                case SuiteCommand.TIMED_OUT, SuiteCommand.KILLED -> Status.HUNG;
                default -> Status.FAILED;
            };
            reason = switch (status) {
                case OK, LOST -> null;
                case HUNG -> "the inbound client on the host did not finish within " + budget + " s in round " + round;
                case FAILED -> "the inbound client on the host exited " + exitCode + " in round " + round + "; see "
                        + ResultLayout.INBOUND_DIR + "/" + ResultLayout.JMH_LOG;
            };
        } catch (LauncherException | IOException e) {
            reason = "no inbound peer in round " + round + ": " + e.getMessage();
            Progress.warn(name() + ": " + reason);
        } finally {
            if (peer != null) {
                try {
                    peer.close();
                } catch (LauncherException e) {
                    Progress.warn(name() + ": cannot stop the inbound peer: " + e.getMessage());
                }
            }
        }
        if (reason != null) {
            markFailed(group, round, reason);
        }
        return new Step(round, name(), group, started, Instant.now(), exitCode, status);
    }

    /**
     * Ends the environment: what is measured after the suite, the final status in environment.json, and closing it.
     * Safe to call more than once; the first call decides the status ({@code interrupted} from the cleanup). An
     * environment whose environment.json cannot be read or written has failed.
     *
     * @return the status written: complete, partial, failed or interrupted
     */
    synchronized String finish(boolean interrupted) {
        if (finished) {
            return "";
        }
        finished = true;
        String status = EnvironmentRecord.COMPLETE;
        closeServer(interrupted || lost != null);
        if (!interrupted && lost == null) {
            removeForkArchive();
        }
        try {
            if (!interrupted && lost == null) {
                instance.afterSuite(footprint);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            long seconds = Math.round((System.nanoTime() - startNanos) / 1e9);
            try {
                EnvironmentRecord record = record();
                status = interrupted ? EnvironmentRecord.INTERRUPTED : lost != null ? EnvironmentRecord.FAILED
                        : !record.failed().isEmpty() ? EnvironmentRecord.PARTIAL : EnvironmentRecord.COMPLETE;
                write(finalRecord(record, status, seconds));
            } catch (IOException e) {
                Progress.warn(name() + ": cannot write the final status: " + e.getMessage());
                // Its record is lost (a guest put a link in its place): nothing says that it completed.
                status = interrupted ? EnvironmentRecord.INTERRUPTED : EnvironmentRecord.FAILED;
                if (lost == null) {
                    lost = "its final status could not be written: " + e.getMessage();
                }
            }
            Process client = hostStep.getAndSet(null);
            if (client != null) {
                Processes.destroy(client);
            }
            collect();
            instance.close();
            collect();
            if (interrupted) {
                keepFinal(status, seconds);
            }
        }
        return status;
    }

    /** The suite's record with the launcher's part and the final status. */
    private EnvironmentRecord finalRecord(EnvironmentRecord record, String status, long seconds) {
        // The launcher's kernel: inside gVisor the suite sees gVisor's own, inside a VM the guest's.
        return record.withHost(System.getProperty("os.version"), instance.runtime(), lost)
                .withNeighbours(instance.neighbours()).finished(status, seconds);
    }

    /**
     * After Ctrl-C, once the environment is closed: the step that was running inside it may have written its record
     * after the final one (a container's suite goes on until the container is removed), so the final status is written
     * again over what it left.
     */
    private void keepFinal(String status, long seconds) {
        Path file = ResultLayout.environmentJson(envDir);
        try {
            java.util.Optional<EnvironmentRecord> left = recordIn(file);
            if (left.isPresent() && !status.equals(left.get().status())) {
                JsonFiles.writeAtomically(file, ResultJson.toJson(finalRecord(left.get(), status, seconds)));
            }
        } catch (IOException e) {
            Progress.warn(name() + ": cannot keep the final status " + status + ": " + e.getMessage());
        }
    }

    /**
     * Adds the methods of the run's classes that this environment left out ({@code groups} less {@code ran}, which
     * {@link RunSpec#groupsFor} gave it: an emulated one of a smoke run) to environment.json's skipped benchmarks, each
     * with the reason, so that a report says why its rows are missing. Not after {@link #finish}, nor in an
     * environment that never ran a step.
     */
    synchronized void markLeftOut(RunSpec spec, List<BenchmarkSelection.Group> groups, List<BenchmarkSelection.Group> ran) {
        if (finished || ran.size() == groups.size()
                || !Files.isRegularFile(ResultLayout.environmentJson(instance.resultsOnHost()))) {
            return;
        }
        try {
            EnvironmentRecord record = record();
            for (BenchmarkSelection.Group group : groups) {
                if (!ran.contains(group)) {
                    BenchmarkSelection.Group instead = ran.stream().filter(g -> g.area().equals(group.area()))
                            .findFirst().orElse(group);
                    for (String method : group.methods()) {
                        record = record.withSkipped(new Problem(method, null, spec.sampledOut(instead)));
                    }
                }
            }
            write(record);
        } catch (IOException e) {
            Progress.warn(name() + ": cannot record the classes it left out: " + e.getMessage());
        }
    }

    /**
     * Adds the group's methods to environment.json's failures for this round, unless the suite did. Not after
     * {@link #finish}: on Ctrl-C the cleanup finishes the environment while the interrupted step is still returning.
     */
    private synchronized void markFailed(BenchmarkSelection.Group group, int round, String reason) {
        if (finished) {
            return;
        }
        try {
            EnvironmentRecord record = record();
            for (String method : group.methods()) {
                record = record.withFailed(new Problem(method, round, reason));
            }
            write(record);
        } catch (IOException e) {
            Progress.warn(name() + ": cannot record the failure of " + group.shortName() + ": " + e.getMessage());
        }
    }

    /**
     * The environment record as the suite left it, or a minimal one when the suite never wrote it. The suite wrote it
     * inside the environment: it is read as {@link ResultJson#read} reads any file (a regular file, capped).
     */
    private EnvironmentRecord record() throws IOException {
        return recordIn(ResultLayout.environmentJson(instance.resultsOnHost()))
                .orElseGet(() -> EnvironmentRecord.running(Fingerprint.named(name())));
    }

    /** The environment record in {@code file}, read as any file the suite wrote (regular, capped), or none. */
    private static java.util.Optional<EnvironmentRecord> recordIn(Path file) throws IOException {
        if (!UntrustedFile.present(file)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(ResultJson.read(file, EnvironmentRecord.class));
        } catch (UntrustedFile.Refused e) {
            throw new IOException(file + " " + e.getMessage(), e);
        }
    }

    private void write(EnvironmentRecord record) throws IOException {
        JsonFiles.writeAtomically(ResultLayout.environmentJson(instance.resultsOnHost()), ResultJson.toJson(record));
    }

    /**
     * Brings the suite's files into the environment directory, where the suite does not write them itself (a VM's
     * share): regular files only, no link followed, each capped (see {@link GuestFiles}). A file that is not taken
     * back is said once, not after every step.
     */
    private void collect() {
        Path from = instance.resultsOnHost();
        if (from.equals(envDir)) {
            return;
        }
        GuestFiles.copyBack(from, envDir, ResultLayout.SUITE_FILES).stream().filter(said::add)
                .forEach(p -> Progress.warn(name() + ": " + p));
    }

    private String capture(List<String> command) throws LauncherException, InterruptedException {
        Processes.Tail out = new Processes.Tail(1 << 20); // what the environment prints is kept up to its last MiB
        int rc = instance.exec(command, out, SHORT_COMMAND_SECONDS);
        String output = out.toString();
        if (rc != 0) {
            throw new LauncherException("'" + String.join(" ", command) + "' failed in " + name() + " (exit " + rc + "): "
                    + output.strip());
        }
        return output;
    }

    private void mustSucceed(List<String> command) throws LauncherException, InterruptedException {
        capture(command);
    }

    /**
     * The environment directory's inbound/, made by the host: a container may write into its environment directory,
     * so what stands in its place and is not a directory of its own (a link, a file) is removed first.
     */
    static Path inboundDir(Path envDir) throws IOException {
        Path dir = ResultLayout.inboundDir(envDir);
        if (UntrustedFile.present(dir) && !Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(dir);
        }
        Files.createDirectories(dir);
        return dir;
    }

    /** An environment directory holds one run's results only: files of an earlier run into it are removed first. */
    private static void removeStaleResults(Path envDir) throws LauncherException {
        try {
            for (String file : List.of(ResultLayout.JMH_JSON, ResultLayout.ENVIRONMENT_JSON, ResultLayout.JMH_LOG,
                    ResultLayout.FOOTPRINT_JSON, ResultLayout.CONSOLE_LOG)) {
                Files.deleteIfExists(envDir.resolve(file));
            }
        } catch (IOException e) {
            throw new LauncherException("cannot clear " + envDir + ": " + e.getMessage(), e);
        }
    }
}
