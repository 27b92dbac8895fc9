package io.isobench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The suite runner kept up for the life of an environment, in every environment: a step then costs its forks, not
 * also a runner's JVM start and the two more that JMH's blackhole detection makes once per JVM (under TCG about 12 s
 * a start; measured per one-fork smoke step: gVisor 5.1-5.6 s before, 1.8-2.2 s after; host and runc 1.8-2.0 s,
 * 0.8-1.0 s). The VM's init starts it; elsewhere the launcher does ({@link io.isobench.launcher.core.StepServer}),
 * with {@code --exit-with-parent}. It takes its work as files in one directory, in turn, N = 1, 2, ...:
 * <ul>
 *     <li>{@code N.step}: a step, {@code {"budgetSeconds": B, "args": [...]}}, the arguments of {@link SuiteMain},
 *     run in this JVM; after B seconds every process the step started is killed ({@value #TIMED_OUT}), and when the
 *     step does not return 10 s later this JVM ends with {@value #KILLED}, as coreutils' {@code timeout -k 10 B}
 *     does for a step run as its own process;</li>
 *     <li>{@code N.sh}: any other command, run by {@code sh};</li>
 * </ul>
 * each writing its output to {@code N.out} and its exit code to {@code N.rc} (renamed into place when complete);
 * {@code stop} ends the server. The JMH forks that measure are the same processes with the same flags as a step's
 * own runner starts: only their parent stays up, idle while they run.
 */
@Command(name = "isobench-suite-server", mixinStandardHelpOptions = true,
        description = "Runs the suite's steps written as files into DIR, in turn, in one JVM, until DIR/stop exists.")
public final class SuiteServer implements Callable<Integer> {

    /** A step stopped at its budget (coreutils' timeout says the same). */
    public static final int TIMED_OUT = 124;
    /** A step that did not return after its processes were killed: the server ends. */
    public static final int KILLED = 137;
    /** Grace after the budget for the step to return once its processes are gone. */
    static final long KILL_GRACE_SECONDS = 10;

    @Option(names = "--steps", required = true, description = "The directory of step and command files.")
    Path dir;

    @Option(names = "--poll-millis", defaultValue = "50", description = "How often to look for the next file between "
            + "steps (ms); never during one.")
    long pollMillis;

    @Option(names = "--exit-with-parent", description = "End, between steps, once the process that started this one "
            + "is gone (a launcher on the same machine that was killed): no server outlives its run.")
    boolean exitWithParent;

    @Override
    public Integer call() throws Exception {
        java.util.Optional<ProcessHandle> parent = exitWithParent ? ProcessHandle.current().parent() : java.util.Optional.empty();
        for (int n = next(dir); ; n++) {
            Path step = dir.resolve(n + ".step");
            Path script = dir.resolve(n + ".sh");
            while (!Files.exists(step) && !Files.exists(script)) {
                if (Files.exists(dir.resolve("stop")) || parent.isPresent() && !parent.get().isAlive()) {
                    return ExitCode.DONE;
                }
                Thread.sleep(pollMillis);
            }
            Path out = dir.resolve(n + ".out");
            int code = Files.exists(step) ? runStep(step, out) : runScript(script, out);
            Path rc = dir.resolve(n + ".rc.tmp");
            Files.writeString(rc, code + "\n");
            Files.move(rc, dir.resolve(n + ".rc"), StandardCopyOption.ATOMIC_MOVE);
            if (code == KILLED) {
                return KILLED; // the step's thread is stuck in this JVM: a new server takes the next file
            }
        }
    }

    /** The first number without an exit code: where a server started again after {@value #KILLED} goes on. */
    static int next(Path dir) {
        int n = 1;
        while (Files.exists(dir.resolve(n + ".rc"))) {
            n++;
        }
        return n;
    }

    private static int runScript(Path script, Path out) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return process.waitFor();
    }

    /** One step in this JVM, its output (System.out and System.err, as a runner's own would be) into {@code out}. */
    static int runStep(Path file, Path out) throws IOException, InterruptedException {
        return runStep(file, out, args -> Cli.execute(new SuiteMain(), "isobench", args), KILL_GRACE_SECONDS);
    }

    /** {@link #runStep(Path, Path)} with the body and the grace after the budget given (tests). */
    static int runStep(Path file, Path out, java.util.function.ToIntFunction<String[]> body, long graceSeconds)
            throws IOException, InterruptedException {
        JsonNode request = JsonFiles.read(file);
        long budget = request.path("budgetSeconds").asLong(0);
        List<String> args = new ArrayList<>();
        request.path("args").forEach(arg -> args.add(arg.asText()));
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        try (PrintStream output = new PrintStream(new FileOutputStream(out.toFile()), true, StandardCharsets.UTF_8)) {
            if (budget <= 0 || args.isEmpty()) {
                output.println("isobench: " + file + " names no budget or no arguments");
                return ExitCode.BAD_INPUT;
            }
            System.setOut(output);
            System.setErr(output);
            int[] code = {ExitCode.FAILURE};
            Thread runner = new Thread(() -> code[0] = body.applyAsInt(args.toArray(String[]::new)), "isobench-step");
            runner.setDaemon(true);
            runner.start();
            runner.join(TimeUnit.SECONDS.toMillis(budget));
            if (!runner.isAlive()) {
                return code[0];
            }
            output.println("isobench: the step did not finish within " + budget + " s; its processes are stopped");
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            runner.join(TimeUnit.SECONDS.toMillis(graceSeconds));
            return runner.isAlive() ? KILLED : TIMED_OUT;
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(new SuiteServer(), "isobench", args));
    }
}
