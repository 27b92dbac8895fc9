package io.isobench.launcher.core;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress lines carry what inputs and guests say: without terminal controls. */
class ProgressTest {

    private static final String ESC = "\u001b";

    @Test
    void progressLinesDropThemToo() {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Progress.warn("vm-tcg was lost: the guest said '" + ESC + "[2J" + ESC + "]0;owned\u0007\r'");
            Progress.say("step " + ESC + "[1Adone");
        } finally {
            System.setErr(before);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains(ESC) || text.contains("\u0007") || text.contains("\r"), text);
        assertTrue(text.contains("WARNING: vm-tcg was lost: the guest said '[2J]0;owned'"), text);
        assertEquals(2, text.lines().count());
    }
}
