package io.isobench.compare.report;

import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.model.ComparisonRow;
import io.isobench.compare.report.doc.Block;
import io.isobench.compare.report.doc.Block.Paragraph;
import io.isobench.compare.report.doc.Section;
import io.isobench.compare.report.doc.Table;
import io.isobench.compare.report.doc.Table.Cell;
import io.isobench.compare.report.doc.Table.Column;
import io.isobench.compare.report.doc.Table.Row;
import io.isobench.compare.stats.FarRounds;
import io.isobench.compare.stats.Format;
import io.isobench.schema.PrecisionRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The precision section of a run asked for one ({@code --precision PCT --budget TIME}): what was asked, what the pilot
 * took, and per planned row its pilot's spread, the rounds it needed and got, whether it reached the precision, and
 * its interval as tested (Stein's two-stage t).
 */
final class PrecisionSection {

    private PrecisionSection() {
    }

    /** The section, or empty when the run was not asked for a precision. */
    static Optional<Section> build(Comparison c) {
        PrecisionRecord plan = c.precision();
        if (plan == null) {
            return Optional.empty();
        }
        String asked = Format.plusMinusPercent(plan.precision());
        String level = Format.plain(Math.round((1 - plan.alpha()) * 1000) / 10.0) + " %";
        List<Row> rows = new ArrayList<>();
        int reached = 0;
        for (PrecisionRecord.Row p : plan.rows()) {
            Optional<ComparisonRow> row = c.planned(p);
            int paired = row.map(r -> r.test().pairs()).orElse(0);
            boolean ok = p.reachedWith(paired);
            reached += ok ? 1 : 0;
            BenchmarkKey key = new BenchmarkKey(p.benchmark(), p.mode(), new TreeMap<>(p.params()));
            rows.add(Row.of(List.of(Cell.styled(c.name(p.environment()), "env"), Cell.of(key.shortName()),
                    Cell.of(key.paramsText()),
                    Cell.num(Format.num(p.pilotSd()), p.pilotSd()), Cell.num(String.valueOf(p.neededRounds()),
                            p.neededRounds()), Cell.num(String.valueOf(paired), paired),
                    Cell.of(ok ? "yes" : p.reachesPrecision() ? "no (steps failed)" : "no (budget)"),
                    Cell.of(row.map(r -> farRounds(r, plan.pilotRounds())).orElse(Format.DASH)),
                    Cell.of(row.map(r -> ReportText.testCell(r.test())).orElse(Format.DASH)))));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("Asked: each row's " + level + " interval within " + asked + ", the rounds within "
                + Format.duration(plan.budgetSeconds()) + ". A pilot of " + plan.pilotRounds() + " rounds ("
                + Format.duration(plan.pilotSeconds()) + ") estimated each row's spread of the per-round log ratio; "
                + "Stein's two-stage procedure then gave each benchmark the rounds its rows need, from the pilot "
                + "alone, and tests each row with the pilot's spread and degrees of freedom, so that its interval "
                + "keeps its coverage although its rounds were chosen from data." + trimmed(plan) + " " + reached
                + " of " + plan.rows().size() + " planned rows reached the precision."));
        plan.notes().forEach(note -> blocks.add(Paragraph.note(note)));
        if (!rows.isEmpty()) {
            blocks.add(Table.of(List.of(Column.left("Environment"), Column.left("Benchmark"), Column.left("Params"),
                    Column.right("Pilot SD"), Column.right("Rounds needed"), Column.right("Rounds paired"),
                    Column.left("Reached"), Column.left("Far rounds"), Column.left("Interval as tested")),
                    rows));
        }
        return Optional.of(new Section("precision", "Precision asked for", blocks));
    }

    /** What trimming the plan's rows had, as a sentence after a space, or nothing when none was trimmed. */
    private static String trimmed(PrecisionRecord plan) {
        List<Double> trims = plan.rows().stream().map(PrecisionRecord.Row::trim).filter(t -> t > 0).distinct()
                .sorted().toList();
        if (trims.isEmpty()) {
            return "";
        }
        return " The spread is winsorized and the test is on the " + String.join(" or ", trims.stream()
                .map(t -> Math.round(100 * t) + " %").toList()) + " trimmed mean of the rounds"
                + (plan.rows().stream().anyMatch(r -> r.trim() == 0) ? " where a row's pilot had six rounds or more" : "")
                + " (Wilcox's extension of Stein's method; t calibrated by simulation), so a few far rounds "
                + "neither inflate a row's plan nor move its estimate: the far-round column shows them, and where they "
                + "fall on one side the trimmed mean and the mean differ.";
    }

    /**
     * {@code 2: 4 (pilot), 19}: how many of the row's rounds lie far from its others ({@link FarRounds}) and which,
     * those of the pilot marked (one there inflates the pilot's spread, and so the rounds it asks for); a dash below
     * {@value FarRounds#MIN_ROUNDS} rounds.
     */
    private static String farRounds(ComparisonRow row, int pilotRounds) {
        if (!row.test().farRoundsJudged()) {
            return Format.DASH;
        }
        List<FarRounds.Far> far = row.test().farRounds();
        return far.isEmpty() ? "none" : far.size() + ": " + String.join(", ", far.stream()
                .map(f -> f.round() + (f.round() <= pilotRounds ? " (pilot)" : "")).toList());
    }
}
