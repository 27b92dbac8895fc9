package io.isobench.compare.model;

import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.FootprintInput;
import io.isobench.schema.Footprint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Image size, start time and idle memory per environment, with how many idle instances fit in the given RAM,
 * plus every raw footprint key. Image: the image as shipped where the footprint has it (OS, runtime and jar; for a VM
 * plus kernel and initrd), else imageBytes (container) or baseImageBytes + kernelInitrdBytes (VM).
 * Start: startToReadyMillis (container), bootToJvmReadyMillis (VM) or jvmStartMillis (host).
 * {@link #images()}: the image as shipped, layer by layer, compressed, and the copy-on-write layer of an instance.
 */
public record FootprintTable(long ramBytes, List<Entry> entries, List<String> keys, List<Image> images) {

    /** One environment's footprint; NaN where not measured, instances -1 when idle memory is unknown. */
    public record Entry(String label, String kind, double imageBytes, double startMillis, String startKey,
                        double idleMemoryBytes, long instances, FootprintInput raw) {
    }

    /**
     * One environment's image as shipped (cumulative sizes: OS, + runtime, + jar), its compressed size and how it was
     * compressed, the kernel and initrd beside a VM's disk, and the instance's copy-on-write layer (container: writable
     * layer; VM: overlay) after an idle start and after the suite; NaN where not measured.
     */
    public record Image(String label, String kind, double osBytes, double withRuntimeBytes, double withJarBytes,
                        double compressedBytes, String compression, double kernelInitrdBytes, double idleLayerBytes,
                        double suiteLayerBytes) {

        /** What the runtime adds to the OS image. */
        public double runtimeBytes() {
            return withRuntimeBytes - osBytes;
        }

        /** What the jar adds to the image with the runtime. */
        public double jarBytes() {
            return withJarBytes - withRuntimeBytes;
        }

        /** Compressed size as a share of the image as shipped. */
        public double compressedRatio() {
            return compressedBytes / withJarBytes;
        }
    }

    static FootprintTable of(List<EnvironmentInput> inputs, long ramBytes) {
        List<Entry> entries = new ArrayList<>();
        List<Image> images = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (EnvironmentInput input : inputs) {
            FootprintInput f = input.footprint();
            Footprint m = f.measured();
            keys.addAll(f.values().keySet());
            double image = Double.NaN;
            Image shipped = image(input.label(), input.kind(), m);
            if (shipped != null) {
                images.add(shipped);
            }
            if (shipped != null && !Double.isNaN(shipped.withJarBytes())) {
                image = shipped.withJarBytes() + (Double.isNaN(shipped.kernelInitrdBytes()) ? 0 : shipped.kernelInitrdBytes());
            } else if (m.imageBytes() != null) {
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
        return new FootprintTable(ramBytes, entries, new ArrayList<>(keys), images);
    }

    /** The image row of a footprint, or null when it has neither the image as shipped nor a layer after idle start. */
    public static Image image(String label, String kind, Footprint m) {
        io.isobench.schema.ShippedImage s = m.shipped();
        if (s == null && m.idleLayerBytes() == null) {
            return null;
        }
        Long suite = m.writableLayerBytes() != null ? m.writableLayerBytes() : m.overlayBytes();
        return new Image(label, kind, nan(s == null ? null : s.osBytes()), nan(s == null ? null : s.withRuntimeBytes()),
                nan(s == null ? null : s.withJarBytes()), nan(s == null ? null : s.compressedBytes()),
                s == null ? null : s.compression(), nan(m.kernelInitrdBytes()), nan(m.idleLayerBytes()), nan(suite));
    }

    private static double nan(Long v) {
        return v == null ? Double.NaN : v;
    }

    /** Whether any environment has a footprint at all. */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    private static double zeroIfNull(Long v) {
        return v == null ? 0 : v;
    }
}
