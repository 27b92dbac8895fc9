package io.isobench.launcher.core;

import io.isobench.schema.UntrustedFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files an environment writes that the host reads: a VM's 9p share (read-write for the guest) and a container's
 * bind-mounted environment directory. The host runs as root, the guest or container may not be trusted, so the host
 * reads them through {@link UntrustedFile} (a regular file only, no link followed, at most a cap) and writes into their
 * directories only by renaming a new file into place ({@link io.isobench.suite.JsonFiles#writeAtomically}), which
 * replaces a link rather than writing through it.
 */
public final class GuestFiles {

    /** The most of one result file taken back: JMH's JSON and log of a full run are a few MB. */
    public static final long MAX_RESULT_BYTES = 256L << 20;
    /** The most of a small answer read (an exit code, a thread count). */
    public static final long MAX_ANSWER_BYTES = 4096;

    private GuestFiles() {
    }

    /**
     * Copies the named files from the environment's directory {@code from} to {@code to}, each whole or not at all;
     * files that are not there are skipped.
     *
     * @return one line per file that was not taken back, and why (a link, not a regular file, too large, ...)
     */
    public static List<String> copyBack(Path from, Path to, List<String> names) {
        List<String> problems = new ArrayList<>();
        if (Files.isSymbolicLink(from)) {
            problems.add(from + " is a symbolic link; nothing is taken back from it");
            return problems;
        }
        for (String name : names) {
            Path file = from.resolve(name);
            if (!UntrustedFile.present(file)) {
                continue;
            }
            try {
                UntrustedFile.copy(file, to.resolve(name), MAX_RESULT_BYTES);
            } catch (IOException e) {
                problems.add("cannot copy " + name + " back: " + file + " " + e.getMessage());
            }
        }
        return problems;
    }

    /** A small file the environment wrote, as text; {@link UntrustedFile.Refused} when it is not a plain small file. */
    public static String readAnswer(Path file) throws IOException {
        return UntrustedFile.readString(file, MAX_ANSWER_BYTES);
    }
}
