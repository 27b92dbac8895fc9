package io.isobench.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Image size, start time and idle memory per environment, with how many idle instances fit in the given RAM,
 * plus every raw footprint key. Image: imageBytes (container) or baseImageBytes + kernelInitrdBytes (VM).
 * Start: startToReadyMillis (container), bootToJvmReadyMillis (VM) or jvmStartMillis (host).
 */
public record FootprintTable(long ramBytes, List<Entry> entries, List<String> keys) {

    /** One environment's footprint; NaN where not measured, instances -1 when idle memory is unknown. */
    public record Entry(String label, String kind, double imageBytes, double startMillis, String startKey,
                        double idleMemoryBytes, long instances, Footprint raw) {
    }

    static FootprintTable of(List<EnvironmentInput> inputs, long ramBytes) {
        List<Entry> entries = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (EnvironmentInput input : inputs) {
            Footprint f = input.footprint();
            io.isobench.schema.Footprint m = f.measured();
            keys.addAll(f.values().keySet());
            double image = Double.NaN;
            if (m.imageBytes() != null) {
                image = m.imageBytes();
            } else if (m.baseImageBytes() != null || m.kernelInitrdBytes() != null) {
                image = zeroIfNull(m.baseImageBytes()) + zeroIfNull(m.kernelInitrdBytes());
            }
            String startKey = null;
            double start = Double.NaN;
            if (m.startToReadyMillis() != null) {
                startKey = "startToReadyMillis";
                start = m.startToReadyMillis().median();
            } else if (m.bootToJvmReadyMillis() != null) {
                startKey = "bootToJvmReadyMillis";
                start = m.bootToJvmReadyMillis().median();
            } else if (m.jvmStartMillis() != null) {
                startKey = "jvmStartMillis";
                start = m.jvmStartMillis().median();
            }
            double idle = m.idleMemoryBytes() == null ? Double.NaN : m.idleMemoryBytes();
            long instances = idle > 0 ? (long) Math.floor(ramBytes / idle) : -1;
            entries.add(new Entry(input.label(), input.kind(), image, start, startKey, idle, instances, f));
        }
        return new FootprintTable(ramBytes, entries, new ArrayList<>(keys));
    }

    /** Whether any environment has a footprint at all. */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    private static double zeroIfNull(Long v) {
        return v == null ? 0 : v;
    }
}
