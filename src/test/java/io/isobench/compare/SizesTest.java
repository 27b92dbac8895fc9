package io.isobench.compare;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SizesTest {

    @Test
    void parsesBinaryAndDecimalSizes() {
        assertEquals(512L << 20, Sizes.parse("512MiB"));
        assertEquals(64L << 30, Sizes.parse("64GiB"));
        assertEquals(64L << 30, Sizes.parse("64g"));
        assertEquals(1_500_000_000L, Sizes.parse("1.5GB"));
        assertEquals(4096, Sizes.parse("4096"));
        assertEquals(3L << 39, Sizes.parse("1.5 TiB"));
    }

    @Test
    void rejectsNonSizes() {
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("lots"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("12XB"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("0"));
    }

    @Test
    void formats() {
        assertEquals("512 MiB", Sizes.format(512L << 20));
        assertEquals("1.50 GiB", Sizes.format(3L << 29));
        assertEquals("900 B", Sizes.format(900));
        assertEquals("\u2014", Sizes.format(Double.NaN));
    }
}
