package io.isobench.compare.input;

import io.isobench.schema.ContainerRuntime;
import io.isobench.schema.Fingerprint;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ran, in the words a reader knows, built from the parts the environment recorded (kind, runtime and its
 * version, gVisor's platform and network, the network path, storage, privileges, limits, acceleration) rather than
 * from its directory name: {@code gVisor 2022-12-19 (Docker, ptrace, network=host, bridge network)}, {@code runc 1.1.5
 * (Docker, bridge network)}, {@code QEMU VM, TCG emulation (2 vCPUs, slirp network)}. Results without a fingerprint
 * keep their label.
 */
public final class EnvironmentTitle {

    /** gVisor's defaults: systrap since mid-2023 (https://gvisor.dev/docs/user_guide/platforms/), its own netstack. */
    public static final String GVISOR_DEFAULT_PLATFORM = "systrap";
    public static final String GVISOR_DEFAULT_NETWORK = "sandbox";

    private static final Pattern GVISOR_RELEASE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DOTTED_VERSION = Pattern.compile("(\\d+(?:\\.\\d+)+)");

    private EnvironmentTitle() {
    }

    /** The environment's title; its label when it recorded nothing to build one from. */
    public static String of(EnvironmentInput in) {
        Fingerprint facts = in.fingerprint().facts();
        String kind = in.kind();
        List<String> variant = facts.variant() == null ? List.of()
                : Arrays.asList(facts.variant().toLowerCase(Locale.ROOT).split("-"));
        ContainerRuntime runtime = in.fingerprint().containerRuntime();
        List<String> parts = new ArrayList<>();
        String name;
        switch (kind) {
            case "host" -> name = "host";
            case "container", "podman" -> {
                name = runtimeName(runtime);
                if (kind.equals("podman")) {
                    name = "Podman " + name;
                } else {
                    parts.add("Docker");
                }
                if (runtime != null && runtime.isGvisor()) {
                    parts.add(runtime.gvisorPlatform());
                    parts.add(runtime.gvisorNetwork() == null ? null : "network=" + runtime.gvisorNetwork());
                }
                parts.add(variant.contains("host") ? "host network" : variant.contains("bridge") ? "bridge network"
                        : null);
                parts.add(variant.contains("volume") ? "volume" : null);
                parts.add(variant.contains("unconfined") ? "no seccomp" : null);
                parts.add(variant.contains("rootless") ? "rootless" : null);
            }
            case "charliecloud" -> {
                name = "Charliecloud" + version(runtime);
                parts.add(variant.contains("root") ? "as root" : variant.contains("unprivileged") ? "unprivileged" : null);
                parts.add(variant.contains("bind") ? "bind-mounted directory" : null);
            }
            case "vm" -> {
                String accel = facts.accel() == null ? "" : facts.accel().toLowerCase(Locale.ROOT);
                name = accel.equals("kvm") ? "QEMU/KVM VM" : accel.equals("tcg") ? "QEMU VM, TCG emulation" : "QEMU VM";
                parts.add(facts.cpus() == null ? null : facts.cpus() + (facts.cpus() == 1 ? " vCPU" : " vCPUs"));
                parts.add(variant.contains("user") ? "slirp network" : variant.contains("tap") ? "tap network" : null);
            }
            default -> {
                return in.label();
            }
        }
        parts.add(limit(facts));
        List<String> said = parts.stream().filter(p -> p != null && !p.isBlank()).toList();
        String title = said.isEmpty() ? name : name + " (" + String.join(", ", said) + ")";
        // A second environment of the same make (host-b, a variant the parts do not tell) keeps its own name.
        String plain = kind.equals("container") ? "container-" + facts.variant() : kind + "-" + facts.variant();
        boolean nameSaysMore = !in.env().equals(kind) && !in.env().equals(plain) && !kind.equals("vm")
                && !in.env().startsWith(kind + "-" + facts.variant());
        return nameSaysMore ? title + " [" + in.env() + "]" : title;
    }

    /**
     * The titles of these inputs by label, each unique: two inputs of the same make (two runs of the host) are told
     * apart by their labels.
     */
    public static Map<String, String> of(List<EnvironmentInput> inputs) {
        Map<String, Integer> uses = new HashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        inputs.forEach(in -> titles.put(in.label(), of(in)));
        titles.values().forEach(t -> uses.merge(t, 1, Integer::sum));
        Map<String, String> unique = new LinkedHashMap<>();
        titles.forEach((label, title) -> unique.put(label,
                uses.get(title) > 1 && !title.endsWith("[" + label + "]") ? title + " [" + label + "]" : title));
        return unique;
    }

    /** Whether gVisor ran with other than its defaults (systrap, its own network stack), which its published numbers use. */
    public static boolean gvisorOffDefaults(ContainerRuntime runtime) {
        return runtime != null && runtime.isGvisor()
                && (!GVISOR_DEFAULT_PLATFORM.equals(runtime.gvisorPlatform())
                || !GVISOR_DEFAULT_NETWORK.equals(runtime.gvisorNetwork()));
    }

    private static String runtimeName(ContainerRuntime runtime) {
        if (runtime == null || runtime.runtime() == null) {
            return "container";
        }
        if (runtime.isGvisor()) {
            Matcher release = GVISOR_RELEASE.matcher(String.valueOf(runtime.runtimeVersion()));
            return release.find() ? "gVisor " + release.group(1) + "-" + release.group(2) + "-" + release.group(3)
                    : "gVisor";
        }
        return runtime.runtime() + version(runtime);
    }

    /** {@code " 1.1.5"} from a version line such as {@code runc version 1.1.5+ds1}, or empty. */
    private static String version(ContainerRuntime runtime) {
        if (runtime == null || runtime.runtimeVersion() == null) {
            return "";
        }
        Matcher dotted = DOTTED_VERSION.matcher(runtime.runtimeVersion());
        return dotted.find() ? " " + dotted.group(1) : "";
    }

    /** The CPU or memory limit the cgroup set, or null when none. */
    private static String limit(Fingerprint facts) {
        List<String> limits = new ArrayList<>();
        String[] quota = facts.cgroupCpuQuota() == null ? new String[0] : facts.cgroupCpuQuota().strip().split("\\s+");
        if (quota.length == 2 && quota[0].matches("\\d+") && quota[1].matches("[1-9]\\d*")) {
            double cpus = Double.parseDouble(quota[0]) / Double.parseDouble(quota[1]);
            limits.add(String.format(Locale.ROOT, "%s CPU", BigDecimal.valueOf(cpus).round(new MathContext(3))
                    .stripTrailingZeros().toPlainString()));
        }
        String memory = facts.cgroupMemoryLimit() == null ? "" : facts.cgroupMemoryLimit().strip();
        if (memory.matches("\\d+")) {
            limits.add(Long.parseLong(memory) / (1024 * 1024) + " MiB memory");
        }
        return limits.isEmpty() ? null : String.join(", ", limits);
    }
}
