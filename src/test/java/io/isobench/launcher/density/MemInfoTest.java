package io.isobench.launcher.density;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemInfoTest {

    private static final String MEMINFO = """
            MemTotal:       24683656 kB
            MemFree:        22126592 kB
            MemAvailable:   23789000 kB
            Buffers:           90412 kB
            """;

    @Test
    void readsFieldsInBytes() throws IOException {
        assertEquals(24683656L * 1024, MemInfo.field(MEMINFO, "MemTotal"));
        assertEquals(23789000L * 1024, MemInfo.field(MEMINFO, "MemAvailable"));
        assertThrows(IOException.class, () -> MemInfo.field(MEMINFO, "SwapTotal"));
    }

    @Test
    void keepsTheMedianOfTheReads() {
        assertEquals(5, MemInfo.median(List.of(9L, 1L, 5L)));
        assertEquals(4, MemInfo.median(List.of(3L, 5L)));
    }

    @Test
    void thisHostHasMemAvailable() throws IOException {
        assertTrue(MemInfo.availableBytes() > 0 && MemInfo.availableBytes() <= MemInfo.totalBytes());
    }
}
