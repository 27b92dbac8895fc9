package io.isobench.launcher.container;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The container variants that the containers-vs-VMs argument is about, each recorded in the environment's name and
 * its fingerprint. No cgroup limits unless asked for: the cost of isolation, not of a quota.
 */
public final class ContainerOptions {

    @Option(names = "--network", defaultValue = "bridge",
            description = "bridge (peer in a sibling container across veth and a bridge) or host (default: ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--seccomp", defaultValue = "default", description = "default or unconfined (default: ${DEFAULT-VALUE}).")
    String seccomp;

    @Option(names = "--storage", defaultValue = "overlay",
            description = "overlay (the writable layer) or volume (a Docker volume) for the file benchmarks (default: ${DEFAULT-VALUE}).")
    String storage;

    @Option(names = "--cpus", description = "CPU quota, e.g. 0.5 (default: none).")
    Double cpus;

    @Option(names = "--memory", description = "Memory limit in bytes or with k/m/g, e.g. 2g (default: none).")
    String memory;

    @Option(names = "--cpuset", description = "CPUs to pin to, e.g. 0-1 (default: none).")
    String cpuset;

    @Option(names = "--image", description = "Use this local image instead of building the shared rootfs image.")
    String image;

    /** Checks the values; failures are one-line IllegalArgumentExceptions. */
    public ContainerOptions validate() {
        oneOf("--network", network, "bridge", "host");
        oneOf("--seccomp", seccomp, "default", "unconfined");
        oneOf("--storage", storage, "overlay", "volume");
        if (cpus != null && !(cpus > 0)) {
            throw new IllegalArgumentException("--cpus must be positive, got " + cpus);
        }
        if (memory != null) {
            memoryBytes();
        }
        if (cpuset != null && !cpuset.matches("[0-9]+([-,][0-9]+)*")) {
            throw new IllegalArgumentException("--cpuset must look like 0-1 or 0,2, got '" + cpuset + "'");
        }
        return this;
    }

    /** The variant: network, then whatever differs from the defaults; e.g. {@code bridge-unconfined-volume}. */
    public String variant() {
        List<String> parts = new ArrayList<>(List.of(network));
        if (seccomp.equals("unconfined")) {
            parts.add("unconfined");
        }
        if (storage.equals("volume")) {
            parts.add("volume");
        }
        if (cpus != null) {
            parts.add("cpus" + stripZeros(cpus));
        }
        if (memory != null) {
            parts.add("mem" + memory.toLowerCase());
        }
        if (cpuset != null) {
            parts.add("cpuset" + cpuset.replace(',', '.'));
        }
        return String.join("-", parts);
    }

    public Long memoryBytes() {
        if (memory == null) {
            return null;
        }
        String value = memory.trim().toLowerCase();
        long unit = 1;
        char last = value.isEmpty() ? ' ' : value.charAt(value.length() - 1);
        switch (last) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            default -> unit = 1;
        }
        String digits = unit == 1 ? value : value.substring(0, value.length() - 1);
        try {
            long bytes = Long.parseLong(digits) * unit;
            if (bytes < (6L << 20)) {
                throw new IllegalArgumentException("--memory must be at least 6m (Docker's minimum), got '" + memory + "'");
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--memory must be a number with an optional k, m or g, got '" + memory + "'");
        }
    }

    public String network() {
        return network;
    }

    public String seccomp() {
        return seccomp;
    }

    public String storage() {
        return storage;
    }

    public Double cpus() {
        return cpus;
    }

    public String cpuset() {
        return cpuset;
    }

    public String image() {
        return image;
    }

    /** Options for one variant given as {@code network[-unconfined][-volume]}, as the main job's list names them. */
    public static ContainerOptions ofVariant(String variant) {
        ContainerOptions options = new ContainerOptions();
        options.network = "bridge";
        options.seccomp = "default";
        options.storage = "overlay";
        for (String part : variant.split("-")) {
            switch (part) {
                case "bridge", "host" -> options.network = part;
                case "unconfined" -> options.seccomp = part;
                case "volume" -> options.storage = part;
                case "overlay", "default" -> { }
                default -> throw new IllegalArgumentException("unknown container variant part '" + part + "' in '" + variant
                        + "' (use bridge or host, then optionally -unconfined and -volume)");
            }
        }
        return options.validate();
    }

    private static String stripZeros(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static void oneOf(String option, String value, String... allowed) {
        if (!List.of(allowed).contains(value)) {
            throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
    }
}
