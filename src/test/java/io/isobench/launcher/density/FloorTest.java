package io.isobench.launcher.density;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloorTest {

    private static final long MIB = 1L << 20;

    @Test
    void parsesAPercentageOfMemTotalOrASize() {
        assertEquals(250 * MIB, Floor.parse("25%", 1000 * MIB).bytes());
        assertEquals(512 * MIB, Floor.parse("512m", 1000 * MIB).bytes());
        assertEquals(4096, Floor.parse("4k", 1000 * MIB).bytes());
        assertEquals(0, Floor.parse("0", 1000 * MIB).bytes());
    }

    @Test
    void refusesWhatIsNoFloor() {
        assertThrows(IllegalArgumentException.class, () -> Floor.parse("100%", 1000 * MIB));
        assertThrows(IllegalArgumentException.class, () -> Floor.parse("2g", 1000 * MIB));
        assertThrows(IllegalArgumentException.class, () -> Floor.parse("lots", 1000 * MIB));
        assertThrows(IllegalArgumentException.class, () -> Floor.parse("-5%", 1000 * MIB));
    }

    @Test
    void predictsTheDearestInstanceSoFar() {
        assertEquals(0, Floor.predictedNextBytes(List.of()));
        assertEquals(120 * MIB, Floor.predictedNextBytes(List.of(60 * MIB, 120 * MIB, 80 * MIB)));
        assertEquals(0, Floor.predictedNextBytes(List.of(-5 * MIB)));
    }

    @Test
    void refusesAStartThatWouldCrossTheFloorBeforeItStarts() {
        Floor floor = new Floor(900 * MIB, "900m");
        assertTrue(floor.refuse(1000 * MIB, List.of(60 * MIB)).isEmpty());
        assertTrue(floor.refuse(1000 * MIB, List.of(100 * MIB)).isEmpty(), "exactly on the floor is allowed");
        String why = floor.refuse(1000 * MIB, List.of(60 * MIB, 120 * MIB)).orElseThrow();
        assertTrue(why.startsWith("floor: MemAvailable 1000 MiB less the predicted 120 MiB"), why);
    }

    @Test
    void theFirstStartIsRefusedOnlyBelowTheFloorAlready() {
        Floor floor = new Floor(900 * MIB, "900m");
        assertTrue(floor.refuse(901 * MIB, List.of()).isEmpty());
        assertTrue(floor.refuse(899 * MIB, List.of()).isPresent());
    }

    @Test
    void aBudgetRaisesTheFloorToTheSeriesBaselineLessIt() {
        Floor floor = new Floor(100 * MIB, "100m");
        Floor series = floor.forSeries(1000 * MIB, Floor.parseBudget("30m", 2000 * MIB), "30m");
        assertEquals(970 * MIB, series.bytes());
        assertTrue(series.refuse(950 * MIB, List.of(50 * MIB)).orElseThrow().contains("--budget 30m"));
        assertEquals(floor, floor.forSeries(1000 * MIB, 950 * MIB, "950m"), "a floor already higher stays");
        assertEquals(floor, floor.forSeries(1000 * MIB, null, null));
        assertThrows(IllegalArgumentException.class, () -> Floor.parseBudget("10%", 2000 * MIB));
        assertThrows(IllegalArgumentException.class, () -> Floor.parseBudget("0", 2000 * MIB));
    }
}
