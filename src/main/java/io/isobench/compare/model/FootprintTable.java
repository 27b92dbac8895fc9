package io.isobench.compare.model;

import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.FootprintInput;
import io.isobench.schema.ContainerRuntime;
import io.isobench.schema.Footprint;
import io.isobench.schema.Measurement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Image size, start times and idle memory per environment, with an estimate of how many idle instances fit in the
 * given RAM, plus every raw footprint key. Image: the image as shipped where the footprint has it (OS, runtime and jar;
 * for a VM plus kernel and initrd), else imageBytes (container) or baseImageBytes + kernelInitrdBytes (VM).
 * Start times, one meaning each: the JVM's start ({@code jvmStartMillis}, {@code java -version} in every kind), the
 * instance's start to ready ({@code startToReadyMillis} of a container, Podman or Charliecloud; {@code bootToInitMillis}
 * of a VM) and a VM's boot to a ready JVM ({@code bootToJvmReadyMillis}); NaN where not measured.
 * {@link #images()}: the image as shipped, layer by layer, compressed, and the copy-on-write layer of an instance.
 */
public record FootprintTable(long ramBytes, List<Entry> entries, List<String> keys, List<Image> images) {

    /** What an estimate of the instances that fit in the RAM was extrapolated from. */
    public enum Basis {
        /**
         * The density run's series of this kind: 1 + (RAM - the first instance's MemAvailable drop) / what each further
         * instance took.
         */
        DENSITY("density", "from the measured density"),
        /** The RAM over one instance's idle memory (footprint.json's idleMemoryBytes). */
        IDLE_MEMORY("idleMemory", "from idle memory");

        private final String id;
        private final String words;

        Basis(String id, String words) {
            this.id = id;
            this.words = words;
        }

        /** Its name in summary.json. */
        public String id() {
            return id;
        }

        /** {@code from the measured density}. */
        public String words() {
            return words;
        }
    }

    /**
     * One environment's footprint; NaN where not measured. {@code startToReadyKey} names the footprint key the
     * instance's start to ready came from (null when none). {@code instances} is an estimate (-1 when nothing to
     * estimate it from), extrapolated as {@code basis} says; {@code densitySeries} names the density series it came
     * from (null unless the basis is {@link Basis#DENSITY}).
     */
    public record Entry(String label, String kind, double imageBytes, double jvmStartMillis, double startToReadyMillis,
                        String startToReadyKey, double bootToJvmReadyMillis, double idleMemoryBytes, long instances,
                        Basis basis, String densitySeries, List<String> densityNames, FootprintInput raw) {

        public Entry {
            densityNames = List.copyOf(densityNames);
        }

        /** The same entry with its instances estimated from a density series that measured its kind. */
        Entry withDensity(DensityTable.Row series, long ram) {
            if (!(series.marginalBytes() > 0) || !(series.firstBytes() > 0)) {
                return this;
            }
            long fit = series.firstBytes() > ram ? 0 : 1 + (long) Math.floor((ram - series.firstBytes()) / series.marginalBytes());
            return new Entry(label, kind, imageBytes, jvmStartMillis, startToReadyMillis, startToReadyKey,
                    bootToJvmReadyMillis, idleMemoryBytes, fit, Basis.DENSITY, series.label(), densityNames, raw);
        }
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
            String readyKey = m.startToReadyMillis() != null ? "startToReadyMillis"
                    : m.bootToInitMillis() != null ? "bootToInitMillis" : null;
            double ready = median(m.startToReadyMillis() != null ? m.startToReadyMillis() : m.bootToInitMillis());
            double idle = m.idleMemoryBytes() == null ? Double.NaN : m.idleMemoryBytes();
            long instances = idle > 0 ? (long) Math.floor(ramBytes / idle) : -1;
            entries.add(new Entry(input.label(), input.kind(), image, median(m.jvmStartMillis()), ready, readyKey,
                    median(m.bootToJvmReadyMillis()), idle, instances, instances < 0 ? null : Basis.IDLE_MEMORY, null,
                    densityNames(input), f));
        }
        return new FootprintTable(ramBytes, entries, new ArrayList<>(keys), images);
    }

    /**
     * This table with each estimate of instances in the RAM taken from the density run where it measured the
     * environment's kind (so that the estimate extrapolates what was measured rather than contradicting it); the rest
     * keep theirs from idle memory.
     */
    public FootprintTable withDensity(DensityTable density) {
        if (density == null) {
            return this;
        }
        List<Entry> estimated = new ArrayList<>();
        for (Entry e : entries) {
            Entry out = e;
            for (String name : e.densityNames()) {
                DensityTable.Row series = density.rows().stream()
                        .filter(r -> r.label().equals(name) && r.instances() > 0).findFirst().orElse(null);
                if (series != null) {
                    out = e.withDensity(series, ramBytes);
                    break;
                }
            }
            estimated.add(out);
        }
        return new FootprintTable(ramBytes, estimated, keys, images);
    }

    /**
     * The names a density series of this environment's kind has, most specific first: the environment's own name (a
     * Charliecloud or Podman variant, {@code vm-tcg}), then its kind's ({@code host}, {@code container-runc},
     * {@code vm-kvm}), as the launcher's density run labels its series.
     */
    static List<String> densityNames(EnvironmentInput input) {
        List<String> names = new ArrayList<>(List.of(input.env()));
        switch (input.kind()) {
            case "host" -> names.add("host");
            case "container" -> {
                ContainerRuntime runtime = input.fingerprint().containerRuntime();
                String variant = String.valueOf(input.fingerprint().facts().variant());
                names.add("container-" + (runtime != null && runtime.runtime() != null ? runtime.runtime()
                        : variant.contains("runsc") ? "runsc" : variant.contains("crun") ? "crun" : "runc"));
            }
            case "vm" -> {
                String accel = input.fingerprint().accel();
                if (accel != null) {
                    names.add("vm-" + accel.toLowerCase(Locale.ROOT));
                }
            }
            default -> {
                // Charliecloud and Podman series are named as their environments are.
            }
        }
        return names.stream().distinct().toList();
    }

    private static double median(Measurement m) {
        return m == null ? Double.NaN : m.median();
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
