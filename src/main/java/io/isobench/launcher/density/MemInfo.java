package io.isobench.launcher.density;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's memory as the kernel estimates it ({@code /proc/meminfo}): MemAvailable is what can be given to new work
 * without swapping, so its drop is what the instances took, shared pages counted once. Read after a settle wait as the
 * median of a few reads a second apart, since page cache and lazy frees move it for a while after a start.
 */
public final class MemInfo {

    private static final Path FILE = Path.of("/proc/meminfo");

    /** Where MemAvailable comes from: /proc/meminfo, or a test's host. */
    interface Source {
        long availableBytes() throws IOException;
    }

    private final long settleMillis;
    private final int reads;
    private final Source source;

    public MemInfo(long settleMillis, int reads) {
        this(settleMillis, reads, MemInfo::availableBytes);
    }

    MemInfo(long settleMillis, int reads, Source source) {
        this.settleMillis = settleMillis;
        this.reads = reads;
        this.source = source;
    }

    /** The same reads after a longer wait (while KSM merges). */
    public MemInfo withExtraSettle(long millis) {
        return new MemInfo(settleMillis + millis, reads, source);
    }

    /** MemTotal in bytes. */
    public static long totalBytes() throws IOException {
        return field(Files.readString(FILE), "MemTotal");
    }

    /** MemAvailable in bytes, now. */
    public static long availableBytes() throws IOException {
        return field(Files.readString(FILE), "MemAvailable");
    }

    /** MemAvailable after the settle wait: the median of the reads. */
    public long settledAvailableBytes() throws IOException, InterruptedException {
        Thread.sleep(settleMillis);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            if (i > 0) {
                Thread.sleep(1000);
            }
            values.add(source.availableBytes());
        }
        return median(values);
    }

    /** A field of /proc/meminfo's text ({@code MemAvailable:   123456 kB}) in bytes. */
    static long field(String meminfo, String name) throws IOException {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).replace("kB", "").strip()) * 1024;
            }
        }
        throw new IOException("/proc/meminfo has no " + name);
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
