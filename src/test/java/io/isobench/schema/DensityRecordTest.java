package io.isobench.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DensityRecordTest {

    private static final long MIB = 1L << 20;

    static DensityRecord sample() {
        DensityRecord.Series host = new DensityRecord.Series("host", "host", List.of("EchoPeer JVMs"), 20_000 * MIB,
                "--max 3 reached", List.of(
                new DensityRecord.Point(1, 46 * MIB, 46 * MIB, 44 * MIB, 406, null),
                new DensityRecord.Point(2, 66 * MIB, 20 * MIB, 36 * MIB, 455, null),
                new DensityRecord.Point(3, 88 * MIB, 22 * MIB, 36 * MIB, 430, null)));
        DensityRecord.Series vm = new DensityRecord.Series("vm-tcg-ksm", "vm", List.of("TCG"), 19_000 * MIB,
                "floor: ...", List.of(new DensityRecord.Point(1, 300 * MIB, 300 * MIB, 310 * MIB, 61_000, 1234L)));
        return DensityRecord.started("Linux test", 24_000 * MIB, 6_000 * MIB, "2026-11-28T06:00:00Z").with(host).with(vm);
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        DensityRecord record = sample();
        String json = ResultJson.toJson(record);
        DensityRecord read = ResultJson.bind(new ObjectMapper().readTree(json), DensityRecord.class);
        assertEquals(record, read);
        assertEquals(SchemaVersion.CURRENT, read.schemaVersion());
    }

    @Test
    void aFileOfAnUnknownMajorIsRefused() {
        String json = ResultJson.toJson(sample()).replace("\"" + SchemaVersion.CURRENT + "\"", "\"99.0\"");
        assertThrows(SchemaException.class, () -> ResultJson.bind(new ObjectMapper().readTree(json), DensityRecord.class));
    }

    @Test
    void theMarginalCostLeavesOutWhatTheFirstInstancePaidForAll() {
        DensityRecord.Series host = sample().series().get(0);
        assertEquals(21.0 * MIB, host.marginalBytes()); // (88 - 46) / 2
        assertEquals(300.0 * MIB, sample().series().get(1).marginalBytes()); // one instance: its own drop
        assertNull(new DensityRecord.Series("x", "host", null, 0, null, null).marginalBytes());
    }

    @Test
    void aSeriesOfTheSameLabelReplacesTheEarlierOne() {
        DensityRecord record = sample();
        DensityRecord.Series again = record.series().get(0).stopped("interrupted");
        DensityRecord updated = record.with(again);
        assertEquals(2, updated.series().size());
        assertEquals("interrupted", updated.series().get(1).stopReason());
    }
}
