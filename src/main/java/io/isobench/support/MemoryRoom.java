package io.isobench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How much memory a benchmark may still take here: a working set that does not fit would measure swapping or die. */
public final class MemoryRoom {

    private MemoryRoom() {
    }

    /** MemAvailable, or less where a cgroup limit (a container's --memory) leaves less. */
    public static long availableBytes() throws IOException {
        long available = -1;
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemAvailable:")) {
                available = Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
            }
        }
        if (available < 0) {
            throw new IOException("no MemAvailable in /proc/meminfo");
        }
        long limit = Math.min(cgroupRoom("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"),
                cgroupRoom("/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/memory/memory.usage_in_bytes"));
        return Math.min(available, limit);
    }

    /** The room left under a cgroup memory limit, or Long.MAX_VALUE where there is none (or it can't be read). */
    private static long cgroupRoom(String limitFile, String usageFile) {
        try {
            String limit = Files.readString(Path.of(limitFile)).trim();
            if (!limit.matches("[0-9]+")) {
                return Long.MAX_VALUE;
            }
            return Long.parseLong(limit) - Long.parseLong(Files.readString(Path.of(usageFile)).trim());
        } catch (IOException | NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
