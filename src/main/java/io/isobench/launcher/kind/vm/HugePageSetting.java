package io.isobench.launcher.kind.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The host's transparent huge page setting, handed to the guest on its kernel command line
 * ({@code isobench.thp=ENABLED,DEFRAG}), where the guest's init writes it to its own
 * {@code /sys/kernel/mm/transparent_hugepage}: Debian's kernel boots with {@code always}, a host usually runs
 * {@code madvise}, and memory rows would otherwise compare two settings as if they were one isolation. Without the
 * parameter (a host without THP) the init sets {@code madvise}.
 */
final class HugePageSetting {

    private static final Path SYSFS = Path.of("/sys/kernel/mm/transparent_hugepage");

    private HugePageSetting() {
    }

    /** {@code isobench.thp=madvise,madvise}, or empty where the host has no THP setting to copy. */
    static Optional<String> kernelArg() {
        return kernelArg(SYSFS);
    }

    static Optional<String> kernelArg(Path sysfs) {
        Optional<String> enabled = chosen(sysfs.resolve("enabled"));
        Optional<String> defrag = chosen(sysfs.resolve("defrag"));
        if (enabled.isEmpty() || defrag.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("isobench.thp=" + enabled.get() + "," + defrag.get());
    }

    /** The bracketed choice of a sysfs setting ({@code always [madvise] never}: madvise). */
    static Optional<String> chosen(Path file) {
        try {
            String text = Files.readString(file);
            int open = text.indexOf('[');
            int close = text.indexOf(']', open + 1);
            if (open < 0 || close < 0) {
                return Optional.empty();
            }
            String value = text.substring(open + 1, close);
            return value.matches("[a-z+]+") ? Optional.of(value) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
