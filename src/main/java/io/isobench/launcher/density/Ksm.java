package io.isobench.launcher.density;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Kernel same-page merging ({@code /sys/kernel/mm/ksm}): QEMU marks guest memory mergeable, so with KSM on identical
 * pages of idle guests (zeroed memory, the same kernel and JVM) are kept once. Turned on for a labelled series and put
 * back as it was afterwards (also from the shutdown hook).
 */
final class Ksm {

    private static final Path DIR = Path.of("/sys/kernel/mm/ksm");
    /** Pages scanned per wake-up while on: the kernel's 100 would take minutes to reach 1 GiB guests. */
    private static final String PAGES_TO_SCAN = "1000";

    private Ksm() {
    }

    /** Why KSM cannot be used here, or null. */
    static String problem() {
        Path run = DIR.resolve("run");
        if (!Files.isRegularFile(run)) {
            return "this kernel has no KSM (" + run + " is missing)";
        }
        if (!Files.isWritable(run)) {
            return run + " is not writable (run as root)";
        }
        return null;
    }

    /** Turns KSM on; the returned action puts {@code run} and {@code pages_to_scan} back. */
    static AutoCloseable on() throws IOException {
        String run = Files.readString(DIR.resolve("run")).strip();
        String pages = Files.readString(DIR.resolve("pages_to_scan")).strip();
        Files.writeString(DIR.resolve("pages_to_scan"), PAGES_TO_SCAN);
        Files.writeString(DIR.resolve("run"), "1");
        return () -> {
            Files.writeString(DIR.resolve("run"), run);
            Files.writeString(DIR.resolve("pages_to_scan"), pages);
        };
    }

    /** KSM's pages_sharing now (how many page references the merged pages stand for), where readable. */
    static OptionalLong pagesSharing() {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(DIR.resolve("pages_sharing")).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
