package io.isobench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isobench.schema.Unsteady;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The steady-state rule: more than 10 % from the first to the last iteration, in 80 % of the forks, one way only. */
class SteadyStateTest {

    private static final String ROW = "io.isobench.process.ThreadStartBenchmark.startJoin";

    private static List<Unsteady> unsteady(List<List<Double>> forks) {
        ObjectNode entry = JmhEntries.primary(JmhEntries.entry(ROW, Map.of(), Map.of()), forks);
        return SteadyState.unsteady(JmhEntries.results(entry), Set.of(ROW));
    }

    @Test
    void oneForkThatFallsByMoreThanTenPercentIsUnsteady() {
        List<Unsteady> found = unsteady(List.of(List.of(100.0, 95.0, 80.0)));
        assertEquals(1, found.size());
        assertEquals(-0.2, found.get(0).firstToLast(), 1e-9);
        assertTrue(unsteady(List.of(List.of(100.0, 91.0))).isEmpty(), "9 % is not a trend");
    }

    @Test
    void fourOfFiveForksTheSameWayAreATrendUnlessOneGoesTheOtherWay() {
        List<List<Double>> forks = List.of(List.of(100.0, 80.0), List.of(100.0, 78.0), List.of(100.0, 85.0),
                List.of(100.0, 88.0), List.of(100.0, 104.0));
        assertEquals(-0.15, unsteady(forks).get(0).firstToLast(), 1e-9);
        List<List<Double>> mixed = List.of(List.of(100.0, 80.0), List.of(100.0, 78.0), List.of(100.0, 85.0),
                List.of(100.0, 88.0), List.of(100.0, 115.0));
        assertTrue(unsteady(mixed).isEmpty());
        List<List<Double>> three = List.of(List.of(100.0, 80.0), List.of(100.0, 78.0), List.of(100.0, 95.0),
                List.of(100.0, 98.0), List.of(100.0, 99.0));
        assertTrue(unsteady(three).isEmpty(), "3 of 5 is not 80 %");
    }

    @Test
    void forksOfOneIterationSayNothing() {
        assertTrue(unsteady(List.of(List.of(100.0), List.of(50.0))).isEmpty());
        assertFalse(SteadyState.trends(Arrays.asList(null, null)));
    }

    @Test
    void aSampleModeIterationCountsAsItsMean() {
        ObjectNode entry = JmhEntries.entry(ROW, Map.of(), Map.of());
        ObjectNode primary = entry.putObject("primaryMetric");
        ArrayNode fork = primary.putArray("rawDataHistogram").addArray();
        ObjectMapper m = new ObjectMapper();
        fork.add(m.valueToTree(List.of(List.of(10.0, 3), List.of(40.0, 1)))); // mean 17.5
        fork.add(m.valueToTree(List.of(List.of(10.0, 1))));                   // mean 10
        List<Unsteady> found = SteadyState.unsteady(JmhEntries.results(entry), Set.of(ROW));
        assertEquals(1, found.size());
        assertEquals(10 / 17.5 - 1, found.get(0).firstToLast(), 1e-9);
    }
}
