package io.isobench.suite;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Control characters from inputs never reach the terminal; newlines, tabs and the rest of Unicode do. */
class ConsoleTextTest {

    private static final String HOSTILE = "io.x.B.m\u001b]0;owned\u0007\u001b[2J\rfake\u009b31m \u00b7 gr\u00fc\u00df\t\u2713\n";
    private static final String CLEAN = "io.x.B.m]0;owned[2Jfake31m \u00b7 gr\u00fc\u00df\t\u2713\n";

    @Test
    void stringsLoseTheirControls() {
        assertEquals(CLEAN, ConsoleText.clean(HOSTILE));
        assertEquals("plain", ConsoleText.clean("plain"));
    }

    @Test
    void writersAndByteStreamsApplyTheSameRule() {
        StringWriter text = new StringWriter();
        PrintWriter writer = ConsoleText.cleaning(text);
        writer.print(HOSTILE);
        writer.flush();
        assertEquals(CLEAN, text.toString());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = ConsoleText.cleaning(bytes);
        stream.write(HOSTILE.getBytes(StandardCharsets.UTF_8), 0, HOSTILE.getBytes(StandardCharsets.UTF_8).length);
        stream.print("\u00c2\u0080x"); // U+00C2 is kept (its UTF-8 is C3 82), U+0080 is not
        stream.flush();
        assertEquals(CLEAN + "\u00c2x", bytes.toString(StandardCharsets.UTF_8));
    }
}
