package io.isobench.suite;

import java.util.Arrays;
import java.util.List;


/**
 * The benchmark areas, in the suite's and the report's order: a benchmark's area is its package under
 * {@code io.isobench} (a new area is a package and a line here).
 */
public enum Area {
    SYSCALL("syscall", "Syscall"),
    SCHED("sched", "Wake-ups and timers"),
    FILEIO("fileio", "File I/O"),
    NETWORK("network", "Network (across the boundary)"),
    NETSTACK("netstack", "Network stack (loopback)"),
    CPU("cpu", "CPU"),
    MEMORY("memory", "Memory"),
    PROCESS("process", "Process"),
    APP("app", "Application (what a service pays)"),
    OTHER("other", "Other");

    private final String id;
    private final String title;

    Area(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The area of a fully qualified benchmark name: its package under {@code io.isobench}, else {@link #OTHER}. */
    public static Area of(String benchmark) {
        if (benchmark == null) {
            return OTHER;
        }
        String rest = benchmark.startsWith("io.isobench.") ? benchmark.substring("io.isobench.".length()) : benchmark;
        int dot = rest.indexOf('.');
        String id = dot > 0 ? rest.substring(0, dot) : rest;
        for (Area area : values()) {
            if (area != OTHER && area.id.equals(id)) {
                return area;
            }
        }
        return OTHER;
    }

    /** The area with this id, else {@link #OTHER}. */
    public static Area byId(String id) {
        return Arrays.stream(values()).filter(area -> area.id.equals(id)).findFirst().orElse(OTHER);
    }

    /** The areas that hold benchmarks, in order (all but {@link #OTHER}). */
    public static List<Area> ofBenchmarks() {
        return Arrays.stream(values()).filter(area -> area != OTHER).toList();
    }
}
