package io.isobench.compare.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cost reads as a percentage near the baseline and as a multiple from twice (or half) the baseline's cost. */
class FormatTest {

    @Test
    void costsNearTheBaselineArePercentages() {
        assertEquals("+11.2 %", Format.cost(1.112));
        assertEquals("-3.6 %", Format.cost(0.964));
        assertEquals("+99.0 %", Format.cost(1.99));
        assertFalse(Format.timesScale(Double.NaN));
        assertEquals(Format.DASH, Format.cost(Double.NaN));
    }

    @Test
    void largeCostsAreMultiples() {
        assertTrue(Format.timesScale(2.0));
        assertEquals("\u00d715.1", Format.cost(15.095));
        assertEquals("\u00d70.42", Format.cost(0.42));
        // One scale for a cell: its interval follows the point estimate's.
        assertEquals("\u00d71.8", Format.cost(1.8, true));
        assertEquals("+80.0 %", Format.cost(1.8, false));
    }
}
