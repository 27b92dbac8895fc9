package io.isobench.launcher.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A child that prints without end fills no more than the cap; its last words are kept. */
class ProcessesTest {

    @Test
    void theTailIsKeptAndTheDroppedPartCounted() {
        Processes.Tail tail = new Processes.Tail(8);
        tail.write("0123456789".getBytes(StandardCharsets.UTF_8), 0, 10);
        tail.write('a');
        assertEquals(11, tail.total());
        assertEquals("[isobench: the first 3 bytes of the output were dropped]\n3456789a", tail.toString());
        Processes.Tail small = new Processes.Tail(8);
        small.write("ok\n".getBytes(StandardCharsets.UTF_8), 0, 3);
        assertEquals("ok\n", small.toString());
    }

    @Test
    void aChildThatPrintsFarMoreThanTheCapKeepsItsEnd() throws Exception {
        // 64 MiB of zeros, then a last line: eight times the cap.
        Processes.Result r = Processes.run(List.of("sh", "-c", "head -c 67108864 /dev/zero; echo; echo last words"), 60);
        assertEquals(0, r.exitCode());
        assertTrue(r.output().startsWith("[isobench: the first " + ((64L << 20) + 12 - Processes.MAX_OUTPUT_BYTES)
                + " bytes of the output were dropped]"), r.output().substring(0, 80));
        assertTrue(r.output().endsWith("\nlast words\n"));
        assertTrue(r.output().length() < Processes.MAX_OUTPUT_BYTES + 100);
    }
}
