package io.isobench.launcher.density;

import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.JvmRuntime;
import io.isobench.launcher.core.Kind;
import io.isobench.launcher.core.Kinds;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Progress;
import io.isobench.launcher.core.Workspace;
import io.isobench.schema.DensityRecord;
import io.isobench.schema.ExitCode;
import io.isobench.suite.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code isobench density}: starts idle instances of each kind one by one (each an EchoPeer JVM) and writes
 * {@code RUN_DIR/density.json}: per kind and instance count, the host's MemAvailable drop, the marginal memory and the
 * start-to-ready time, and why it stopped. Every instance is removed at the end, also on failure or Ctrl-C.
 */
@Command(name = "density", mixinStandardHelpOptions = true, sortOptions = false,
        description = "How many idle instances fit on this host, and what each costs it (host JVMs, containers, VMs).")
public final class DensityCommand implements Callable<Integer> {

    @Option(names = "--kinds", split = ",", defaultValue = "host,container,vm",
            description = "Kinds to measure, in order: a kind (host, container, vm, ...: its first series) or a series "
                    + "(container-runc, container-crun, container-runsc) (default: ${DEFAULT-VALUE}).")
    List<String> kinds;

    /** The registered kinds, each holding the options it adds to this command (see {@link #commandLine()}). */
    private final Kinds registry = Kinds.load();

    @Option(names = "--max", defaultValue = "8", description = "Instances per kind at most (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--keep-free", defaultValue = Floor.DEFAULT,
            description = "MemAvailable to keep: a percentage of MemTotal or a size (4g, 512m); no instance is started "
                    + "that is predicted to cross it (default: ${DEFAULT-VALUE}).")
    String keepFree;

    @Option(names = "--budget", paramLabel = "SIZE",
            description = "The most memory one kind's instances may take together, from MemAvailable before its first "
                    + "(512m, 4g): raises the floor to that baseline less SIZE where that is above --keep-free.")
    String budget;

    @Option(names = "--ksm", defaultValue = "both",
            description = "VMs with kernel same-page merging off, on (every VM series), or both (a series beside the "
                    + "plain one) (default: ${DEFAULT-VALUE}; on is skipped with the reason where KSM cannot be switched).")
    String ksm;

    @Option(names = "--page-reporting", defaultValue = "both",
            description = "VMs with free page reporting (a virtio balloon device with free-page-reporting=on, series "
                    + "vm-ACCEL-fpr): off, on (every VM series), or both (a series beside the plain one, with KSM off "
                    + "unless --ksm on) (default: ${DEFAULT-VALUE}).")
    String pageReporting;

    @Option(names = "--settle-seconds", defaultValue = "3",
            description = "Wait after each start before MemAvailable is read (default: ${DEFAULT-VALUE}; with KSM on, "
                    + "20 s more for merging).")
    int settleSeconds;

    @Option(names = "--reads", defaultValue = "3", description = "MemAvailable reads, a second apart, whose median is "
            + "kept (default: ${DEFAULT-VALUE}).")
    int reads;

    @Option(names = "--out", description = "Run directory (default: results/<run-id>/).")
    String out;

    @Option(names = "--jar", description = "The benchmarks jar (default: benchmarks.jar beside the launcher).")
    Path jar;

    /** This command with the options of every registered kind (--image, --vm-memory, ...). */
    public static CommandLine commandLine() {
        DensityCommand command = new DensityCommand();
        CommandLine commandLine = new CommandLine(command);
        for (Kind kind : command.registry.all()) {
            if (kind.densityOptions() != null) {
                commandLine.addMixin(kind.id(), kind.densityOptions());
            }
        }
        return commandLine;
    }

    /** Runs {@code isobench density ARGS} as the command line would, for the main job's {@code --density}. */
    public static int execute(String... args) {
        return Cli.execute(commandLine(), "isobench density", args);
    }

    @Override
    public Integer call() throws Exception {
        List<String> asked = checkedKinds();
        long memTotal = MemInfo.totalBytes();
        Floor floor = Floor.parse(keepFree, memTotal);
        Long budgetBytes = budget == null ? null : Floor.parseBudget(budget, memTotal);
        Path runDir = runDir();
        Path benchmarksJar = jar != null ? jar.toAbsolutePath() : Workspace.defaultJar();
        if (!Files.isRegularFile(benchmarksJar)) {
            throw new IllegalArgumentException("benchmarks jar " + benchmarksJar + " not found: build it with 'mvn -DskipTests package'");
        }
        JvmRuntime jvm = JvmRuntime.ensure(Workspace.cacheDir());
        Path file = runDir.resolve(DensityRecord.FILE);
        DensityRun run = new DensityRun(file, DensityRecord.started(hostDescription(), memTotal, floor.bytes(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()), new MemInfo(settleSeconds * 1000L, reads),
                baseline -> floor.forSeries(baseline, budgetBytes, budget), max);
        Progress.say("density: " + String.join(", ", asked) + ", at most " + max + " each, keeping " + mib(floor.bytes())
                + " MiB of " + mib(memTotal) + " MiB free; results go to " + file);
        boolean failed = false;
        for (String name : asked) {
            Kind kind = registry.withIdleName(name).orElseThrow();
            for (Memory memory : memorySettings(kind)) {
                boolean withKsm = memory.ksm();
                String label = DensityRun.label(name + (memory.pageReporting() ? "-fpr" : ""), withKsm);
                String ksmProblem = withKsm ? Ksm.problem() : null;
                if (ksmProblem != null) {
                    run.skipped(label, kind.id(), ksmProblem);
                    continue;
                }
                IdleKind idle;
                try {
                    idle = kind.openIdle(name, new Kind.Idle(jvm, benchmarksJar, runDir, memory.pageReporting()));
                } catch (LauncherException e) {
                    run.skipped(label, kind.id(), e.getMessage());
                    failed = true;
                    continue;
                }
                DensityRecord.Series series = run.run(idle, withKsm);
                failed |= series.stopReason() != null && series.stopReason().contains("did not start")
                        && series.points().isEmpty();
            }
        }
        System.out.print(summary(run.record()));
        Progress.say("wrote " + file);
        return failed ? ExitCode.FAILURE : ExitCode.DONE;
    }

    /** The asked kinds, checked, duplicates dropped ({@code container} and {@code container-runc} are one). */
    List<String> checkedKinds() {
        if (max < 1) {
            throw new IllegalArgumentException("--max must be at least 1, got " + max);
        }
        if (settleSeconds < 0 || reads < 1) {
            throw new IllegalArgumentException("--settle-seconds must be 0 or more and --reads at least 1");
        }
        if (!List.of("off", "on", "both").contains(ksm)) {
            throw new IllegalArgumentException("--ksm must be off, on or both, got '" + ksm + "'");
        }
        if (!List.of("off", "on", "both").contains(pageReporting)) {
            throw new IllegalArgumentException("--page-reporting must be off, on or both, got '" + pageReporting + "'");
        }
        Set<String> result = new LinkedHashSet<>();
        for (String word : kinds) {
            String k = word.strip();
            Optional<Kind> kind = registry.answering(k).filter(answering -> answering.id().equals(k));
            if (kind.isPresent()) {
                result.add(kind.get().idleNames().get(0)); // a kind alone is its first series: container is runc's
            } else if (registry.withIdleName(k).isPresent()) {
                result.add(k);
            } else {
                throw new IllegalArgumentException("--kinds: unknown kind '" + k + "' (expected "
                        + String.join(", ", registry.all().stream().map(Kind::id).toList()) + " or "
                        + String.join(", ", registry.idleNames()) + ")");
            }
        }
        return new ArrayList<>(result);
    }

    /** How a guest series shares or returns memory: KSM on the host, free page reporting from the guest. */
    record Memory(boolean ksm, boolean pageReporting) {
    }

    /**
     * The series of a kind: one for host processes and containers; for guests the plain series, KSM on, and free page
     * reporting, as --ksm and --page-reporting ask (each "on" alone is one series with it; "both" adds it beside the
     * plain one).
     */
    List<Memory> memorySettings(Kind kind) {
        if (!kind.guests()) {
            return List.of(new Memory(false, false));
        }
        boolean ksmOnly = ksm.equals("on");
        boolean reportingOnly = pageReporting.equals("on");
        Set<Memory> settings = new LinkedHashSet<>();
        if (!ksmOnly && !reportingOnly) {
            settings.add(new Memory(false, false));
        }
        if (!ksm.equals("off")) {
            settings.add(new Memory(true, reportingOnly));
        }
        if (!pageReporting.equals("off")) {
            settings.add(new Memory(ksmOnly, true));
        }
        return new ArrayList<>(settings);
    }

    private Path runDir() {
        Path dir = out == null || out.isBlank() ? Paths.get("results", Workspace.newRunId()).toAbsolutePath()
                : Paths.get(out).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write to --out " + dir + " (" + e.getMessage() + ")");
        }
        return dir;
    }

    private static String hostDescription() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException e) {
            // Left unknown.
        }
        return "Linux " + System.getProperty("os.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs, " + cpu;
    }

    /** One line per series: instances, the marginal and first instance's memory, the median start, the stop. */
    static String summary(DensityRecord record) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-18s %9s %14s %14s %12s  %s%n", "kind", "instances", "marginal MiB",
                "first MiB", "start ms", "stopped"));
        for (DensityRecord.Series series : record.series()) {
            List<DensityRecord.Point> points = series.points();
            Double marginal = series.marginalBytes();
            double start = points.stream().mapToDouble(DensityRecord.Point::startToReadyMillis).sorted()
                    .skip(points.size() / 2).findFirst().orElse(Double.NaN);
            s.append(String.format(Locale.ROOT, "%-18s %9d %14s %14s %12s  %s%n", series.label(), points.size(),
                    marginal == null ? "-" : String.format(Locale.ROOT, "%.1f", marginal / 1048576),
                    points.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", points.get(0).memAvailableDropBytes() / 1048576.0),
                    points.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f", start), series.stopReason()));
        }
        return s.toString();
    }

    private static long mib(long bytes) {
        return Math.round(bytes / 1048576.0);
    }
}
