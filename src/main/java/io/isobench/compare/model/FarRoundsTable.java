package io.isobench.compare.model;

import io.isobench.compare.stats.FarRounds;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per environment against its baseline, over its comparable rows whose rounds are judged
 * ({@link io.isobench.compare.stats.RatioTest#farRoundsJudged}): their far rounds ({@link FarRounds}) above and below
 * the row's usual cost, with the two-sided binomial p of that split against even odds. A diagnostic: the rows' tests
 * keep every round.
 */
public record FarRoundsTable(List<Line> lines) {

    /** One environment against its baseline. */
    public record Line(String environment, String baseline, int rows, int rounds, int above, int below,
                       double pValue) {

        public int far() {
            return above + below;
        }
    }

    public FarRoundsTable {
        lines = List.copyOf(lines);
    }

    public static FarRoundsTable of(List<ComparisonRow> rows) {
        Map<List<String>, int[]> counts = new LinkedHashMap<>();
        for (ComparisonRow row : rows) {
            if (!row.comparable() || !row.test().farRoundsJudged()) {
                continue;
            }
            int[] c = counts.computeIfAbsent(List.of(row.environment(), row.baseline()), k -> new int[4]);
            c[0]++;
            c[1] += row.test().roundLogRatios().size();
            for (FarRounds.Far far : row.test().farRounds()) {
                c[far.above() ? 2 : 3]++;
            }
        }
        List<Line> lines = new ArrayList<>();
        counts.forEach((pair, c) -> lines.add(new Line(pair.get(0), pair.get(1), c[0], c[1], c[2], c[3],
                evenSplit(c[2], c[3]))));
        return new FarRoundsTable(lines);
    }

    /**
     * The two-sided binomial p of {@code above} against {@code below} at even odds; at most 1 (commons-math3 adds
     * both tails, and with an exact even split both hold the middle term, which gave 1.5 for one against one).
     */
    static double evenSplit(int above, int below) {
        return above + below == 0 ? 1.0 : Math.min(1.0,
                new BinomialTest().binomialTest(above + below, above, 0.5, AlternativeHypothesis.TWO_SIDED));
    }
}
