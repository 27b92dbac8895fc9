package io.isobench.launcher.fleet;

import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Processes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Slurm commands the fleet uses, on the cluster that {@code sinfo} answers for ({@code SLURM_CONF} or the
 * machine's configuration). Accounting may be off, so nothing here uses sacct: squeue lists jobs (finished ones for
 * MinJobAge), scontrol tells a finished job's exit code while Slurm still knows it.
 */
public final class Slurm {

    private static final long TIMEOUT_SECONDS = 60;

    private Slurm() {
    }

    /** Fails with one line saying what is missing when no Slurm cluster answers here. */
    public static void check() throws LauncherException, InterruptedException {
        if (!onPath("sinfo") || !onPath("sbatch")) {
            throw new LauncherException("no Slurm here: sinfo and sbatch are not on PATH (install slurm-wlm and run "
                    + "where a cluster answers; isobench never starts one)");
        }
        Processes.Result result = Processes.run(List.of("sinfo", "-h", "-o", "%P"), TIMEOUT_SECONDS);
        if (result.exitCode() != 0) {
            throw new LauncherException("no Slurm cluster answers: " + firstLine(result.output()));
        }
    }

    /** The node names of a Slurm host list ({@code node[1-3],gpu7}), expanded by scontrol. */
    public static List<String> hostnames(String nodelist) throws LauncherException, InterruptedException {
        Processes.Result result = Processes.run(List.of("scontrol", "show", "hostnames", nodelist), TIMEOUT_SECONDS);
        if (result.exitCode() != 0) {
            throw new IllegalArgumentException("--nodelist " + nodelist + ": " + firstLine(result.output()));
        }
        return result.output().lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The usable nodes (idle, mixed or allocated; not down, drained or unresponsive) of a partition, or of all. */
    public static List<String> usableNodes(String partition) throws LauncherException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sinfo", "-h", "-N", "-o", "%N|%t"));
        if (partition != null) {
            command.addAll(List.of("-p", partition));
        }
        Processes.Result result = Processes.run(command, TIMEOUT_SECONDS);
        if (result.exitCode() != 0) {
            throw new IllegalArgumentException("sinfo" + (partition == null ? "" : " -p " + partition) + ": "
                    + firstLine(result.output()));
        }
        return usable(result.output());
    }

    /** The nodes of {@code sinfo -N -o %N|%t} output whose state lets them run a job. */
    static List<String> usable(String sinfo) {
        return sinfo.lines().map(String::strip).filter(l -> l.contains("|"))
                .filter(l -> l.substring(l.indexOf('|') + 1).matches("(idle|mix|alloc|comp)"))
                .map(l -> l.substring(0, l.indexOf('|'))).distinct().toList();
    }

    /** Submits a batch job ({@code sbatch --parsable ARGS}); returns its job id. */
    public static String submit(List<String> args) throws LauncherException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(args);
        Processes.Result result = Processes.run(command, TIMEOUT_SECONDS);
        String id = result.output().strip();
        id = id.lines().reduce((a, b) -> b).orElse("").split(";")[0];
        if (result.exitCode() != 0 || !id.matches("\\d+")) {
            throw new LauncherException("sbatch refused the job: " + firstLine(result.output()));
        }
        return id;
    }

    /** The jobs named {@code jobName}, finished ones included while Slurm keeps them. */
    public static List<QueueRow> queue(String jobName) throws LauncherException, InterruptedException {
        Processes.Result result = Processes.run(List.of("squeue", "-h", "-t", "all", "-n", jobName, "-o",
                QueueRow.FORMAT), TIMEOUT_SECONDS);
        if (result.exitCode() != 0) {
            throw new LauncherException("squeue failed: " + firstLine(result.output()));
        }
        return QueueRow.parse(result.output());
    }

    /** {@code scontrol show job -o ID} as key=value pairs; empty when Slurm no longer knows the job. */
    public static Map<String, String> job(String jobId) throws LauncherException, InterruptedException {
        Processes.Result result = Processes.run(List.of("scontrol", "show", "job", "-o", jobId), TIMEOUT_SECONDS);
        return result.exitCode() == 0 ? fields(result.output()) : Map.of();
    }

    /** The key=value fields of one line of scontrol output (values without spaces; Command= and later are cut). */
    static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String token : line.strip().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                fields.putIfAbsent(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return fields;
    }

    /** Cancels jobs; a job that already ended is no failure. */
    public static void cancel(List<String> jobIds) throws LauncherException, InterruptedException {
        if (jobIds.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("scancel"));
        command.addAll(jobIds);
        Processes.run(command, TIMEOUT_SECONDS);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String output) {
        return output.lines().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse("no output");
    }
}
