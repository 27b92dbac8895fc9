package io.isobench.launcher.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code squeue -h -t all -o %i|%T|%N|%r}: a job, its state (PENDING, RUNNING, COMPLETED, CANCELLED, ...),
 * its nodes and the reason Slurm gives. Finished jobs stay listed for the cluster's MinJobAge (300 s by default).
 */
public record QueueRow(String jobId, String state, String nodes, String reason) {

    /** squeue's output format for {@link #parse}. */
    public static final String FORMAT = "%i|%T|%N|%r";

    /** Parses squeue's lines; a line that is not four fields is refused, naming it. */
    public static List<QueueRow> parse(String output) {
        List<QueueRow> rows = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.strip().split("\\|", -1);
            if (fields.length != 4 || fields[0].isBlank() || fields[1].isBlank()) {
                throw new IllegalArgumentException("unexpected squeue line: " + line.strip());
            }
            rows.add(new QueueRow(fields[0].strip(), fields[1].strip(), fields[2].strip(), fields[3].strip()));
        }
        return rows;
    }
}
