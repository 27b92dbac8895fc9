package io.isobench.compare.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's notes on rows whose test is not the one their design promises: rows with no spread at all, which get
 * no test (and take no part in the false-discovery adjustment), and rows of an interleaved run whose sides share
 * fewer than two rounds, which are tested unpaired.
 */
final class TestNotes {

    private TestNotes() {
    }

    static List<String> of(List<ComparisonRow> rows) {
        List<String> notes = new ArrayList<>();
        List<String> flat = rows.stream().filter(r -> r.reason().equals(RatioTester.NO_SPREAD)).map(TestNotes::name)
                .toList();
        if (!flat.isEmpty()) {
            notes.add(count(flat.size()) + " no spread at all (every sample the same), so no error can be estimated: "
                    + "they are not tested, have no interval or p-value, and take no part in the false-discovery "
                    + "adjustment (" + list(flat) + ").");
        }
        List<String> unpaired = rows.stream().filter(r -> r.note().contains(RowCalculator.UNPAIRED))
                .map(TestNotes::name).toList();
        if (!unpaired.isEmpty()) {
            notes.add(count(unpaired.size()) + " sides that ran in rounds of the same run but share fewer than two "
                    + "rounds: they are tested unpaired, one sample per fork (Welch's test), and the drift between "
                    + "rounds is in their error (" + list(unpaired) + ").");
        }
        return notes;
    }

    private static String count(int n) {
        return n == 1 ? "1 row has" : n + " rows have";
    }

    private static String name(ComparisonRow r) {
        return r.key() + " in " + r.environment();
    }

    /** The first five names, and how many more. */
    private static String list(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(5, names.size())));
        return names.size() > 5 ? shown + " and " + (names.size() - 5) + " more" : shown;
    }
}
