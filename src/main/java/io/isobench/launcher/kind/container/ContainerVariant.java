package io.isobench.launcher.kind.container;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A container variant as a value: one grammar for {@code run-container.sh}'s options, the main job's
 * {@code --container-variants} and the environment directory's name. The text is the runtime unless it is Docker's
 * default runc, the network, then whatever differs from the defaults, joined by '-': {@code bridge},
 * {@code runsc-bridge}, {@code crun-host}, {@code host}, {@code bridge-sibling}, {@code bridge-unconfined-volume},
 * {@code bridge-cpus0.5}, {@code bridge-mem2g}, {@code bridge-cpuset0.2} (a cpuset's commas become dots and its
 * ranges underscores: {@code 0-1,3} is {@code cpuset0_1.3}).
 * {@link #parse} and {@link #toString} round-trip, and limits are checked as Docker will apply them, so that the name
 * always says what was applied.
 *
 * @param peer        where the echo peer runs: {@code host} (the host's peer, reached through the bridge's gateway or,
 *                    with host networking, over loopback) or {@code sibling} (a container beside this one)
 * @param cpus        CPU quota in CPUs, or null for none
 * @param memory      memory limit as written ({@code 2g}, {@code 512m}), or null for none
 * @param cpuset      CPUs to pin to ({@code 0-1}, {@code 0,2}), or null for none
 */
public record ContainerVariant(String runtime, String network, String peer, String seccomp, String storage, BigDecimal cpus,
                               String memory, String cpuset) {

    /** The OCI runtimes isobench knows: Docker's default, Red Hat's C implementation, and gVisor's user-space kernel. */
    public static final List<String> RUNTIMES = List.of("runc", "crun", "runsc");

    /** Docker refuses a quota below a hundredth of a CPU. */
    private static final BigDecimal MIN_CPUS = new BigDecimal("0.01");
    /** Docker refuses a memory limit below 6 MiB. */
    private static final long MIN_MEMORY_BYTES = 6L << 20;

    public static final ContainerVariant DEFAULT = new ContainerVariant("runc", "bridge", "host", "default", "overlay", null, null, null);

    public ContainerVariant {
        oneOf("runtime", runtime, RUNTIMES.toArray(String[]::new));
        oneOf("network", network, "bridge", "host");
        oneOf("peer", peer, "host", "sibling");
        oneOf("seccomp", seccomp, "default", "unconfined");
        oneOf("storage", storage, "overlay", "volume");
        if (cpus != null) {
            cpus = cpus.stripTrailingZeros();
            int available = Runtime.getRuntime().availableProcessors();
            if (cpus.compareTo(MIN_CPUS) < 0 || cpus.compareTo(BigDecimal.valueOf(available)) > 0) {
                throw new IllegalArgumentException("--cpus must be between 0.01 and the " + available
                        + " CPUs of this machine, got " + cpus.toPlainString());
            }
            if (cpus.scale() > 2) {
                throw new IllegalArgumentException("--cpus takes at most two decimals (Docker's quota is in hundredths), got "
                        + cpus.toPlainString());
            }
        }
        if (memory != null) {
            memory = memory.trim().toLowerCase(Locale.ROOT);
            memoryBytes(memory);
        }
        if (cpuset != null && !cpuset.matches("[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*")) {
            throw new IllegalArgumentException("--cpuset must look like 0-1 or 0,2, got '" + cpuset + "'");
        }
    }

    /** Parses the text that {@link #toString} writes; one line naming the bad part otherwise. */
    public static ContainerVariant parse(String text) {
        String runtime = "runc";
        String network = null;
        String peer = "host";
        String seccomp = "default";
        String storage = "overlay";
        BigDecimal cpus = null;
        String memory = null;
        String cpuset = null;
        String[] parts = text.trim().split("-", -1);
        int first = 0;
        if (RUNTIMES.contains(parts[0])) {
            runtime = parts[0];
            first = 1;
        }
        for (int i = first; i < parts.length; i++) {
            String part = parts[i];
            if (i == first) {
                if (!part.equals("bridge") && !part.equals("host")) {
                    throw new IllegalArgumentException("container variant '" + text + "' must start with bridge or host "
                            + "(after an optional runtime: " + String.join(", ", RUNTIMES) + ")");
                }
                network = part;
            } else if (part.equals("sibling")) {
                peer = part;
            } else if (part.equals("unconfined")) {
                seccomp = part;
            } else if (part.equals("volume")) {
                storage = part;
            } else if (part.startsWith("cpuset") && part.length() > 6) {
                cpuset = part.substring(6).replace('.', ',').replace('_', '-');
            } else if (part.startsWith("cpus") && part.length() > 4) {
                cpus = decimal(part.substring(4), text);
            } else if (part.startsWith("mem") && part.length() > 3) {
                memory = part.substring(3);
            } else {
                throw new IllegalArgumentException("unknown part '" + part + "' in container variant '" + text
                        + "' (bridge or host, then any of -sibling, -unconfined, -volume, -cpusN, -memN[kmg], -cpusetA.B_C)");
            }
        }
        if (network == null) {
            throw new IllegalArgumentException("container variant '" + text + "' names no network (bridge or host)");
        }
        return new ContainerVariant(runtime, network, peer, seccomp, storage, cpus, memory, cpuset);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!runtime.equals("runc")) {
            parts.add(runtime);
        }
        parts.add(network);
        if (peer.equals("sibling")) {
            parts.add("sibling");
        }
        if (seccomp.equals("unconfined")) {
            parts.add("unconfined");
        }
        if (storage.equals("volume")) {
            parts.add("volume");
        }
        if (cpus != null) {
            parts.add("cpus" + cpus.toPlainString());
        }
        if (memory != null) {
            parts.add("mem" + memory);
        }
        if (cpuset != null) {
            parts.add("cpuset" + cpuset.replace(',', '.').replace('-', '_'));
        }
        return String.join("-", parts);
    }

    /** The same variant with another runtime. */
    public ContainerVariant withRuntime(String newRuntime) {
        return new ContainerVariant(newRuntime, network, peer, seccomp, storage, cpus, memory, cpuset);
    }

    /** Docker's NanoCpus for the quota, or null. */
    public Long nanoCpus() {
        return cpus == null ? null : cpus.movePointRight(9).longValueExact();
    }

    public Long memoryBytes() {
        return memory == null ? null : memoryBytes(memory);
    }

    /** Bytes of a memory limit written as digits with an optional k, m or g; overflow and Docker's minimum are errors. */
    static long memoryBytes(String memory) {
        if (!memory.matches("[0-9]{1,19}[kmg]?")) {
            throw new IllegalArgumentException("--memory must be a whole number with an optional k, m or g, got '" + memory + "'");
        }
        char last = memory.charAt(memory.length() - 1);
        int shift = switch (last) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? memory : memory.substring(0, memory.length() - 1);
        try {
            long bytes = Math.multiplyExact(Long.parseLong(digits), 1L << shift);
            if (bytes < MIN_MEMORY_BYTES) {
                throw new IllegalArgumentException("--memory must be at least 6m (Docker's minimum), got '" + memory + "'");
            }
            return bytes;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("--memory " + memory + " is more than any machine has");
        }
    }

    static BigDecimal decimal(String value, String where) {
        if (!value.matches("[0-9]{1,6}(\\.[0-9]{1,9})?")) {
            throw new IllegalArgumentException("--cpus must be a decimal number like 0.5 or 2, got '" + value + "'"
                    + (where.equals(value) ? "" : " in '" + where + "'"));
        }
        return new BigDecimal(value);
    }

    private static void oneOf(String what, String value, String... allowed) {
        if (!List.of(allowed).contains(value)) {
            throw new IllegalArgumentException("--" + what + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
    }
}
