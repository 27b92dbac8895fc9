package io.isobench.suite;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Text for the terminal that came from inputs: benchmark names, environment and node labels, file names, a guest's
 * console. A terminal obeys escape sequences (it can be made to retitle itself, hide or rewrite lines, or, in some,
 * answer with input), so control characters other than newline and tab are dropped wherever the launcher and compare
 * print: the C0 controls (ESC and carriage return among them), DEL and the C1 controls (U+0080 to U+009F, which some
 * terminals take for ESC sequences). One rule, {@link #isDropped}, for strings, writers and byte streams.
 */
public final class ConsoleText {

    private ConsoleText() {
    }

    /** Whether a character is dropped: a control character other than newline and tab. */
    public static boolean isDropped(int c) {
        return c != '\n' && c != '\t' && (c < 0x20 || c >= 0x7f && c <= 0x9f);
    }

    /** The text without the characters {@link #isDropped} names. */
    public static String clean(String text) {
        if (text == null || text.chars().noneMatch(ConsoleText::isDropped)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.chars().filter(c -> !isDropped(c)).forEach(c -> sb.append((char) c));
        return sb.toString();
    }

    /** A writer that drops those characters on the way to {@code out}. */
    public static PrintWriter cleaning(Writer out) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                char[] kept = new char[length];
                int n = 0;
                for (int i = offset; i < offset + length; i++) {
                    if (!isDropped(buffer[i])) {
                        kept[n++] = buffer[i];
                    }
                }
                out.write(kept, 0, n);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        }, true);
    }

    /**
     * A UTF-8 print stream that drops those characters on the way to {@code out}, for the launcher's stdout and stderr
     * (which also carry what its child processes and guests print): bytes below 0x20 but newline and tab, 0x7f, and
     * the two-byte UTF-8 forms of U+0080 to U+009F ({@code C2 80} to {@code C2 9F}). Other bytes pass, so the rest
     * of UTF-8 is untouched.
     */
    public static PrintStream cleaning(OutputStream out) {
        return new PrintStream(new FilterOutputStream(new BufferedOutputStream(out)) {
            private boolean pendingC2;

            @Override
            public void write(int b) throws IOException {
                b &= 0xff;
                if (pendingC2) {
                    pendingC2 = false;
                    if (b >= 0x80 && b <= 0x9f) {
                        return; // U+0080 to U+009F: dropped with its lead byte
                    }
                    out.write(0xc2);
                }
                if (b == 0xc2) {
                    pendingC2 = true;
                } else if (!isDropped(b) || b >= 0x80) {
                    out.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
