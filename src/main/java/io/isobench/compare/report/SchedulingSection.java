package io.isobench.compare.report;

import io.isobench.compare.model.Comparison;
import io.isobench.compare.model.SchedulingTable;
import io.isobench.compare.report.doc.Block;
import io.isobench.compare.report.doc.Block.Callout;
import io.isobench.compare.report.doc.Block.Paragraph;
import io.isobench.compare.report.doc.Section;
import io.isobench.compare.report.doc.Table;
import io.isobench.compare.report.doc.Table.Cell;
import io.isobench.compare.report.doc.Table.Column;
import io.isobench.compare.report.doc.Table.Row;
import io.isobench.compare.stats.Format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "What else ran": per environment, the forks' scheduling record (the rest of the machine's CPU use, preemptions, the
 * CPU each fork ended on, and the two canaries timed after every iteration), and a warning where the machine itself
 * ran at another speed under one environment than under its baseline. Absent when no fork wrote the record (results
 * of an older suite).
 */
final class SchedulingSection {

    static final String INTRO = "Beside every iteration of every fork the suite recorded what else ran (between "
            + "iterations, never inside one): the CPUs' worth of time the rest of the machine used, how often the "
            + "measuring thread was preempted, the CPU it ended on, and two canaries timed right after the iteration, "
            + "best of three: a chain of xorshift steps in C (the same work in every environment, so it shows the "
            + "machine's own speed), a raw getppid (the environment's system call), and a dependent walk through 2 MiB "
            + "of cache lines (whether a neighbour took the shared cache or the memory; it spreads widely even on a "
            + "quiet machine, so its 90th percentile over forks is shown beside its median). A fork is counted slow by "
            + "the chain canary when it is more than " + Math.round((SchedulingTable.SLOW_FORK - 1) * 100) + " % "
            + "above its environment's median.";

    private SchedulingSection() {
    }

    static Optional<Section> build(Comparison c) {
        SchedulingTable t = c.scheduling();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        for (SchedulingTable.Apart apart : t.apart()) {
            blocks.add(Callout.warning("The C chain canary, the same work in every environment, took "
                    + Format.overhead(apart.ratio()) + " in " + c.name(apart.environment()) + " against "
                    + c.name(apart.baseline()) + " (" + Format.num(apart.canaryCpu()) + " against "
                    + Format.num(apart.baselineCanaryCpu()) + " ns per step): the machine itself ran at another speed "
                    + "while it measured, and each of its rows carries that."));
        }
        blocks.add(Paragraph.of(INTRO));
        List<Row> rows = new ArrayList<>();
        for (SchedulingTable.Line line : t.lines()) {
            rows.add(Row.of(List.of(Cell.styled(c.name(line.environment()), "env"),
                    Cell.num(String.valueOf(line.forks()), line.forks()),
                    Cell.num(Format.num(line.othersMedian()) + " (" + Format.num(line.othersMax()) + ")",
                            line.othersMedian()),
                    Cell.num(Format.num(line.preemptionsMedian()), line.preemptionsMedian()),
                    Cell.of(byCpu(line.forksByCpu())),
                    Cell.num(Format.num(line.canaryCpu()), line.canaryCpu()),
                    Cell.num(String.valueOf(line.slowForks()), line.slowForks()),
                    Cell.num(Format.num(line.canarySyscall()), line.canarySyscall()),
                    Cell.num(Format.num(line.canaryMemory()) + " (" + Format.num(line.canaryMemoryP90()) + ")",
                            line.canaryMemory()))));
        }
        blocks.add(Table.of(List.of(Column.left("Environment"), Column.right("Forks"),
                Column.right("Rest of the machine, CPUs: median (highest)"), Column.right("Preemptions per iteration"),
                Column.left("Forks by CPU"), Column.right("Chain canary, ns/step"), Column.right("Slow by it"),
                Column.right("getppid canary, ns/call"), Column.right("Memory canary, ns/load: median (p90)")), rows));
        return Optional.of(new Section("scheduling", "What else ran", blocks));
    }

    private static String byCpu(Map<Integer, Integer> forks) {
        return forks.isEmpty() ? Format.DASH : forks.entrySet().stream()
                .map(e -> "CPU " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }
}
