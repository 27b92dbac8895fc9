package io.isobench.compare;

import io.isobench.compare.fleet.FleetBuilder;
import io.isobench.compare.fleet.FleetManifest;
import io.isobench.compare.fleet.FleetReport;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.InputLoader;
import io.isobench.compare.input.Json;
import io.isobench.compare.input.PrecisionInput;
import io.isobench.compare.input.RunRecordInput;
import io.isobench.compare.input.SuiteBenchmarks;
import io.isobench.compare.input.Thresholds;
import io.isobench.compare.input.TimelineInput;
import io.isobench.compare.input.Unfinished;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.model.DensityTable;
import io.isobench.compare.model.RegressionGate;
import io.isobench.compare.report.DensityReport;
import io.isobench.compare.report.Report;
import io.isobench.compare.report.ReportBuilder;
import io.isobench.compare.report.doc.MarkdownWriter;
import io.isobench.compare.stats.ByteSizes;
import io.isobench.compare.stats.Format;
import io.isobench.schema.ExitCode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.ConsoleText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code isobench compare}: compares run directories, environment directories or JMH JSON files and writes
 * report.md, index.html and summary.json. Exit codes: 0 done, 2 bad input or options (one line on stderr),
 * {@link RegressionGate#EXIT_REGRESSION} the regression gate found significant slowdowns beyond the threshold
 * (listed on stderr, with the rows it could not judge).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = CompareCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Compares benchmark results across environments (host, containers, VMs) and writes report.md, "
                + "index.html and summary.json.",
            "Exit codes: " + ExitCode.DONE + " done, " + ExitCode.BAD_INPUT + " bad input, "
                + ExitCode.REGRESSION + " regression gate failed."})
public final class CompareCommand implements Callable<Integer> {

    /** The prefix of every message. */
    public static final String PREFIX = "isobench compare: ";
    /** The thresholds file looked for in the working directory when --thresholds is not given. */
    public static final String THRESHOLDS_FILE = "regression-thresholds.properties";
    /** A system property that names the thresholds file (set by scripts/compare.sh). */
    public static final String THRESHOLDS_PROPERTY = "isobench.thresholds";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Run directories (RUN_DIR/<env>/jmh.json), environment directories or JMH JSON files; "
                    + "or one fleet directory (with fleet.json, from 'isobench fleet'): the merged report across nodes.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-b", "--baseline"}, paramLabel = "ENV",
            description = "Environment (label or env name) to compare with; default host.")
    String baseline;

    @Option(names = "--baseline-run", paramLabel = "OLD_RUN",
            description = "Compare each environment of the inputs with the same environment of this previous run.")
    Path baselineRun;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output directory: a new or empty one, or one with an earlier isobench report (never /, the "
                    + "home directory or a folder of other files); default RUN_DIR/report (FLEET_DIR/report) for a "
                    + "single run (fleet) directory, required otherwise.")
    Path outDir;

    @Option(names = "--force",
            description = "Without --out: replace the report that RUN_DIR/report (FLEET_DIR/report) already holds. "
                    + "Without it that report is kept (committed results, such as docs/, are rendered once).")
    boolean force;

    @Option(names = {"-l", "--label"}, paramLabel = "NAME",
            description = "Label of the i-th input (repeatable); for a run directory it replaces the run id.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05",
            description = "Significance level of the tests, below 0.5; intervals are at 1 - P, and 'same' is decided on "
                    + "the 1 - 2P interval (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--equivalence", paramLabel = "PCT", defaultValue = "5",
            description = "A row is 'same' when its whole 1 - 2 alpha interval (90 %% at alpha 0.05: two one-sided "
                    + "tests) lies within +-PCT percent of 1 (default ${DEFAULT-VALUE}).")
    double equivalencePct;

    @Option(names = "--noise", paramLabel = "PCT", defaultValue = "5",
            description = "Flag results whose half-width at 1 - alpha, from the spread of their round (else fork) means, "
                    + "exceeds PCT percent of the score (default ${DEFAULT-VALUE}).")
    double noisePct;

    @Option(names = "--ram", paramLabel = "SIZE", defaultValue = "64GiB", converter = SizeConverter.class,
            description = "RAM for 'instances that fit', e.g. 512MiB, 64GiB (default ${DEFAULT-VALUE}).")
    long ramBytes;

    @Option(names = "--allow-mismatch",
            description = "Compare although JVM builds, jar hashes or profiles differ.")
    boolean allowMismatch;

    @Option(names = "--fail-on-regression", paramLabel = "PCT",
            description = "Exit " + RegressionGate.EXIT_REGRESSION + " when a significant slowdown's whole interval lies "
                    + "above PCT percent.")
    Double failOnRegressionPct;

    @Option(names = "--thresholds", paramLabel = "FILE",
            description = "Per-benchmark gate thresholds (regex=pct); default ./" + THRESHOLDS_FILE
                    + " when present (the file used is named). With the gate, a line that matches no benchmark of the "
                    + "inputs or of this build's suite is an error (exit 2).")
    Path thresholdsFile;

    @Option(names = "--require-judged", paramLabel = "N|all",
            description = "With the gate: fail it (exit " + RegressionGate.EXIT_REGRESSION + ") unless it judged at "
                    + "least N rows (all: every row). Rows without a real test (inconclusive, invalid, not comparable), "
                    + "or whose interval reaches past the threshold without lying above it, are not judged.")
    String requireJudged;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "2000",
            description = "Bootstrap resamples per comparison, for rows with ten or more samples a side (default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20240601",
            description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--title", paramLabel = "TEXT", description = "A subtitle for the reports.")
    String title;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** A CommandLine for this command whose option errors are one line and exit 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CompareCommand());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println(PREFIX + ConsoleText.clean(Json.oneLine(ex.getMessage()))
                    + " (see --help)");
            return CompareException.BAD_INPUT;
        });
        return cl;
    }

    /** Runs the command with the given streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        // Labels, benchmark names and file names come from the inputs: no terminal controls reach the console.
        PrintWriter out = ConsoleText.cleaning(spec.commandLine().getOut());
        PrintWriter err = ConsoleText.cleaning(spec.commandLine().getErr());
        try {
            return run(out, err);
        } catch (CompareException e) {
            err.println(PREFIX + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            if (System.getenv("ISOBENCH_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.println(PREFIX + "internal error: " + Json.oneLine(String.valueOf(e)));
            return ExitCode.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws CompareException {
        if (baselineRun != null && baseline != null) {
            throw new CompareException("--baseline and --baseline-run cannot be used together");
        }
        if (failOnRegressionPct != null && !(failOnRegressionPct >= 0)) {
            throw new CompareException("--fail-on-regression needs a percentage of 0 or more");
        }
        Integer required = requiredJudged();
        for (Path input : baselineRun == null ? inputs : concat(baselineRun, inputs)) {
            if (!Files.exists(input)) {
                throw new CompareException(input, "no such file or directory");
            }
        }
        CompareOptions options;
        try {
            options = new CompareOptions(baseline, alpha, equivalencePct / 100.0, noisePct / 100.0, ramBytes, allowMismatch,
                    failOnRegressionPct, thresholds(), resamples, seed, title);
        } catch (IllegalArgumentException e) {
            throw new CompareException(e.getMessage());
        }
        if (inputs.size() == 1 && baselineRun == null && FleetManifest.isFleetDir(inputs.get(0))) {
            return fleet(inputs.get(0), options, out, err);
        }
        if (inputs.size() == 1 && baselineRun == null && DensityReport.only(inputs.get(0))) {
            DensityTable density = DensityTable.read(inputs.get(0));
            List<Path> written = DensityReport.write(density, target(ResultLayout.reportDir(inputs.get(0))));
            if (!quiet) {
                density.headline().forEach(out::println);
                out.println("Wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
            }
            return ExitCode.DONE;
        }
        Path defaultDir = InputLoader.defaultOutDir(inputs);
        if (outDir == null && defaultDir == null) {
            throw new CompareException("--out is required unless the input is a single run directory");
        }
        Path target = target(defaultDir);
        List<EnvironmentInput> loaded = InputLoader.load(baselineRun, inputs, labels);
        if (failOnRegressionPct != null) {
            Set<String> known = new TreeSet<>(SuiteBenchmarks.names());
            loaded.forEach(e -> e.results().forEach(r -> known.add(r.key().benchmark())));
            options.thresholds().requireEachRuleMatches(known, "the inputs or of this build's suite");
        }
        Comparison comparison = Comparison.of(loaded, options, first(PrecisionInput::read))
                .withNotes(RunRecordInput.notes(inputs))
                .withTimeline(first(TimelineInput::read)).withDensity(first(DensityTable::read));
        List<Path> written = Report.writeAll(comparison, target);
        Unfinished.warnings(loaded).forEach(w -> err.println(PREFIX + w));
        if (!quiet) {
            comparison.banners().forEach(b -> out.println("Warning: " + b));
            out.print(MarkdownWriter.blocks(ReportBuilder.headlineBlocks(comparison)));
            out.println("Wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        }
        if (failOnRegressionPct == null) {
            return ExitCode.DONE;
        }
        int rows = comparison.rows().size();
        int judged = rows - comparison.unjudged().size();
        if (!quiet) {
            out.println("Regression gate: judged " + judged + " of " + rows + " rows against "
                    + Format.plain(failOnRegressionPct) + " %" + (options.thresholds().file() == null
                    ? " (no thresholds file)" : " and the " + options.thresholds().rules().size()
                    + " rules of " + options.thresholds().file()) + ".");
        }
        if (comparison.failsGate()) {
            err.println(PREFIX + comparison.regressions().size()
                    + " significant slowdown(s) beyond the regression threshold:");
            comparison.regressions().forEach(r -> err.println("  " + r.describe()));
        }
        if (!comparison.unjudged().isEmpty() && !quiet) {
            err.println(PREFIX + "the regression gate could not judge " + comparison.unjudged().size()
                    + " row(s) (no real test, or an interval across the threshold), listed in the report");
        }
        if (required != null && judged < (required < 0 ? rows : required)) {
            err.println(PREFIX + "the regression gate judged only " + judged + " of " + rows + " rows; --require-judged "
                    + requireJudged + " asks for " + (required < 0 ? "every row" : "at least " + required));
            return RegressionGate.EXIT_REGRESSION;
        }
        if (comparison.failsGate()) {
            return RegressionGate.EXIT_REGRESSION;
        }
        return ExitCode.DONE;
    }

    /** --require-judged as a number of rows, -1 for all, null when not given. */
    private Integer requiredJudged() throws CompareException {
        if (requireJudged == null) {
            return null;
        }
        if (failOnRegressionPct == null) {
            throw new CompareException("--require-judged needs --fail-on-regression PCT");
        }
        if (requireJudged.equals("all")) {
            return -1;
        }
        try {
            int n = Integer.parseInt(requireJudged);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new CompareException("--require-judged needs a number of rows (0 or more) or 'all', not '"
                + Json.oneLine(requireJudged) + "'");
    }

    /** The report directory: --out when given, else {@code defaultDir}; checked by {@link ReportDir}. */
    private Path target(Path defaultDir) throws CompareException {
        return ReportDir.check(outDir != null ? outDir : defaultDir, outDir != null, force);
    }

    private static List<Path> concat(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** A fleet directory (it holds fleet.json): the merged report across its nodes, into FLEET_DIR/report by default. */
    private int fleet(Path fleetDir, CompareOptions options, PrintWriter out, PrintWriter err) throws CompareException {
        FleetReport report = FleetReport.load(fleetDir, options);
        List<Path> written = report.write(target(fleetDir.resolve(ResultLayout.REPORT_DIR)));
        report.missingNodes().forEach(m -> err.println(PREFIX + "missing node " + m));
        if (!quiet) {
            out.print(MarkdownWriter.blocks(FleetBuilder.headlineBlocks(report)));
            out.println("Wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        }
        return 0;
    }

    /** Reads a file of a run directory's top level: null when the directory has none. */
    private interface RunDirFile<T> {
        T read(Path runDir) throws CompareException;
    }

    /** The file of the first input directory that has one (timeline.json, density.json), or null. */
    private <T> T first(RunDirFile<T> reader) throws CompareException {
        for (Path input : inputs) {
            T found = Files.isDirectory(input) ? reader.read(input) : null;
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The gate's thresholds: --thresholds, else the file scripts/compare.sh names (the repository's), else
     * ./regression-thresholds.properties when there is one. Which file it was is said with the gate's result.
     */
    private Thresholds thresholds() throws CompareException {
        if (thresholdsFile != null) {
            if (!Files.exists(thresholdsFile)) {
                throw new CompareException(thresholdsFile, "no such file or directory");
            }
            return Thresholds.read(thresholdsFile);
        }
        if (failOnRegressionPct == null) {
            return Thresholds.none();
        }
        String property = System.getProperty(THRESHOLDS_PROPERTY);
        if (property != null && !property.isBlank() && Files.exists(Path.of(property))) {
            return Thresholds.read(Path.of(property));
        }
        Path local = Path.of(THRESHOLDS_FILE);
        return Files.exists(local) ? Thresholds.read(local.toAbsolutePath()) : Thresholds.none();
    }

    /** Converts {@code 64GiB} and the like to bytes. */
    static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return ByteSizes.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CompareCommand.class.getPackage().getImplementationVersion();
            return new String[] {"isobench compare " + (v == null ? "(development build)" : v)};
        }
    }
}
