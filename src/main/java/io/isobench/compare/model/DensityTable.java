package io.isobench.compare.model;

import io.isobench.compare.CompareException;
import io.isobench.compare.input.Json;
import io.isobench.compare.stats.ByteSizes;
import io.isobench.compare.stats.Stats;
import io.isobench.schema.DensityRecord;
import io.isobench.schema.UntrustedFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's {@code density.json}, as the report shows it: per series the measured marginal host memory of one more idle
 * instance (the headline that replaces "instances in N GiB" = N / idle memory), the first instance's cost, the host
 * processes' memory, the start time, and why the series stopped. Computed once, rendered as Markdown, HTML and SVG.
 */
public record DensityTable(DensityRecord record, List<Row> rows) {

    /**
     * One series.
     *
     * @param marginalBytes each instance after the first (see {@link DensityRecord.Series#marginalBytes()}), or NaN
     * @param firstBytes the first instance's MemAvailable drop (it also pays what the instances share), or NaN
     * @param pssBytes the newest instance's host processes' PSS, or NaN
     * @param startMillis median start-to-ready time, or NaN
     */
    public record Row(String label, String kind, int instances, double marginalBytes, double firstBytes,
                      double pssBytes, double startMillis, String stopReason, List<String> notes) {
    }

    /** The density of a run directory, or null when it has none. */
    public static DensityTable read(Path runDir) throws CompareException {
        Path file = runDir.resolve(DensityRecord.FILE);
        if (!UntrustedFile.present(file)) {
            return null;
        }
        return of(Json.bind(file, Json.read(file), DensityRecord.class));
    }

    public static DensityTable of(DensityRecord record) {
        List<Row> rows = new ArrayList<>();
        for (DensityRecord.Series s : record.series()) {
            List<DensityRecord.Point> points = s.points();
            Double marginal = s.marginalBytes();
            DensityRecord.Point last = points.isEmpty() ? null : points.get(points.size() - 1);
            rows.add(new Row(s.label(), s.kind(), points.size(), marginal == null ? Double.NaN : marginal,
                    points.isEmpty() ? Double.NaN : points.get(0).memAvailableDropBytes(),
                    last == null || last.hostProcessesPssBytes() == null ? Double.NaN : last.hostProcessesPssBytes(),
                    Stats.median(points.stream().mapToDouble(DensityRecord.Point::startToReadyMillis).toArray()),
                    s.stopReason() == null ? "unfinished" : s.stopReason(), s.notes()));
        }
        return new DensityTable(record, List.copyOf(rows));
    }

    /** What the table's headline says, in one sentence per measured series. */
    public List<String> headline() {
        List<String> lines = new ArrayList<>();
        for (Row r : rows) {
            if (r.instances() > 0) {
                lines.add(r.label() + ": " + ByteSizes.format(r.marginalBytes()) + " of host memory per further idle instance ("
                        + r.instances() + " started; the first took " + ByteSizes.format(r.firstBytes()) + ")");
            }
        }
        return lines;
    }
}
