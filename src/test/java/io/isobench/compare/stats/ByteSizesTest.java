package io.isobench.compare.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteSizesTest {

    @Test
    void parsesBinaryAndDecimalSizes() {
        assertEquals(512L << 20, ByteSizes.parse("512MiB"));
        assertEquals(64L << 30, ByteSizes.parse("64GiB"));
        assertEquals(64L << 30, ByteSizes.parse("64g"));
        assertEquals(1_500_000_000L, ByteSizes.parse("1.5GB"));
        assertEquals(4096, ByteSizes.parse("4096"));
        assertEquals(3L << 39, ByteSizes.parse("1.5 TiB"));
    }

    @Test
    void rejectsNonSizes() {
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("lots"));
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("12XB"));
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("0"));
    }

    @Test
    void formats() {
        assertEquals("512 MiB", ByteSizes.format(512L << 20));
        assertEquals("1.50 GiB", ByteSizes.format(3L << 29));
        assertEquals("900 B", ByteSizes.format(900));
        assertEquals("\u2014", ByteSizes.format(Double.NaN));
    }
}
