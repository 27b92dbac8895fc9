package io.isobench.compare.model;

import io.isobench.compare.input.FingerprintInput;
import io.isobench.schema.Caveat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What else differs between an environment and its baseline, besides the isolation itself: every fingerprint
 * difference that can move the numbers (kernel, the host's own virtualization, CPU, mitigations, huge pages,
 * governor, clocksource, the bench directory's file system and depth, JVM flags, CPU count), each with one line
 * on why it matters; and the caveats the suite wrote into either side's environment.json ({@link Caveat}) that no
 * check names already. The report lists them in "What else differs" and summary.json as {@code confounds}.
 */
public final class Confounds {

    /** One difference between an environment and its baseline. */
    public record Confound(String environment, String baseline, String what, String baselineValue, String value,
                           String why) {
    }

    /** A fingerprint fact to compare: its name, how to read it, and why a difference matters. */
    private record Check(String what, Function<FingerprintInput, String> value, String why) {
    }

    private static final List<Check> CHECKS = List.of(
            // The kernel the instance runs on: inside gVisor the suite sees gVisor's emulated version, and the host's
            // own kernel (hostKernel, from the launcher) is the one that serves the sandbox.
            new Check("kernel version", f -> f.containerRuntime() != null && f.containerRuntime().isGvisor()
                    && f.hostKernel() != null ? f.hostKernel() : f.facts().kernel(), "system calls, the scheduler, page-fault handling and "
                    + "the network stack change between kernel versions, whatever the isolation"),
            new Check("hypervisor vendor", f -> f.facts().hypervisorVendor(), "different hypervisors trap and emulate "
                    + "differently (VM exits, timers, paging)"),
            new Check("CPU model", f -> f.facts().cpuModel(), "a different or emulated CPU changes every compute-bound "
                    + "number"),
            new Check("CPU count", f -> Objects.toString(f.facts().cpus(), null), "fewer CPUs leave the JIT and GC threads less room beside the "
                    + "benchmark thread"),
            new Check("transparent huge pages", f -> f.facts().transparentHugepages(), "huge pages change page-fault and "
                    + "TLB costs, so memory and page-fault rows move"),
            new Check("CPU frequency governor", f -> f.facts().cpuGovernor(), "a governor that lowers the clock slows "
                    + "everything, unevenly over time"),
            new Check("clocksource", f -> f.facts().clocksource(), "reading the clock (nanoTime, clock_gettime) costs "
                    + "tens of ns with tsc and microseconds with hpet or a paravirtual clock"),
            new Check("bench directory file system", f -> f.facts().benchDirFsType(), "file I/O rows measure the file "
                    + "system (ext4, overlay, 9p, tmpfs) as much as the isolation"),
            new Check("bench directory path depth", Confounds::pathDepth, "each path component is one more lookup in "
                    + "open and stat, so deeper paths cost more"),
            new Check("JVM flags", Confounds::jvmFlags, "heap size, GC and other -X/-XX flags change the JVM's own "
                    + "work in every benchmark"));

    private Confounds() {
    }

    /** The confounds of every pair whose two sides have a fingerprint. */
    static List<Confound> of(List<Pair> pairs) {
        List<Confound> all = new ArrayList<>();
        for (Pair pair : pairs) {
            FingerprintInput env = pair.environment().fingerprint();
            FingerprintInput base = pair.baseline().fingerprint();
            if (env.isEmpty() || base.isEmpty()) {
                continue;
            }
            String envLabel = pair.environment().label();
            String baseLabel = pair.baseline().label();
            if (Boolean.TRUE.equals(base.facts().hypervisor())) {
                all.add(new Confound(envLabel, baseLabel, "baseline runs virtualized",
                        "yes (" + Objects.requireNonNullElse(base.facts().hypervisorVendor(), "vendor not recorded") + ")",
                        Boolean.TRUE.equals(env.facts().hypervisor()) ? "yes" : "no",
                        "the baseline itself pays a hypervisor's costs (VM exits, nested paging), so costs are measured "
                                + "against a virtual machine and a VM on it runs nested"));
            }
            Confound mitigations = mitigations(envLabel, baseLabel, env, base);
            if (mitigations != null) {
                all.add(mitigations);
            }
            for (Check check : CHECKS) {
                String b = check.value().apply(base);
                String e = check.value().apply(env);
                // "unknown" is no difference: a container cannot read the host's /sys/hypervisor or kernel log.
                if (b != null && e != null && !b.equals(e) && !b.equals("unknown") && !e.equals("unknown")) {
                    all.add(new Confound(envLabel, baseLabel, check.what(), b, e, check.why()));
                }
            }
            all.addAll(caveats(envLabel, baseLabel, env, base, all));
        }
        return all;
    }

    /**
     * Either side's caveats (a clocksource that makes every clock read a system call) as confounds, but for subjects a
     * check has named for this pair already: one on one side is a difference between them, one on both sides still
     * moves the numbers of both (a clock read inside every sample-mode timing shrinks their ratio towards 1).
     */
    private static List<Confound> caveats(String envLabel, String baseLabel, FingerprintInput env,
                                          FingerprintInput base, List<Confound> named) {
        Map<String, Caveat> envCaveats = bySubject(env.caveats());
        Map<String, Caveat> baseCaveats = bySubject(base.caveats());
        Set<String> subjects = new LinkedHashSet<>(envCaveats.keySet());
        subjects.addAll(baseCaveats.keySet());
        List<Confound> found = new ArrayList<>();
        for (String subject : subjects) {
            if (named.stream().anyMatch(c -> c.environment().equals(envLabel) && c.baseline().equals(baseLabel)
                    && c.what().equals(subject))) {
                continue;
            }
            Caveat e = envCaveats.get(subject);
            Caveat b = baseCaveats.get(subject);
            found.add(new Confound(envLabel, baseLabel, subject, b != null ? b.value() : valueOf(base, subject),
                    e != null ? e.value() : valueOf(env, subject),
                    e != null ? e.reason() + (b != null ? " (on both sides)" : "") : "the baseline's: " + b.reason()));
        }
        return found;
    }

    private static Map<String, Caveat> bySubject(List<Caveat> caveats) {
        Map<String, Caveat> map = new LinkedHashMap<>();
        caveats.forEach(c -> map.putIfAbsent(c.subject(), c));
        return map;
    }

    /** A fingerprint field as the table shows it, for the side without the caveat. */
    private static String valueOf(FingerprintInput f, String subject) {
        return Objects.requireNonNullElse(f.get(subject), "not recorded");
    }

    /** The CPU vulnerability entries that differ, as one confound (null when none differ). */
    private static Confound mitigations(String envLabel, String baseLabel, FingerprintInput env, FingerprintInput base) {
        Map<String, String> baseList = Objects.requireNonNullElse(base.facts().vulnerabilities(), Map.of());
        Map<String, String> envList = Objects.requireNonNullElse(env.facts().vulnerabilities(), Map.of());
        TreeSet<String> keys = new TreeSet<>(baseList.keySet());
        keys.addAll(envList.keySet());
        List<String> was = new ArrayList<>();
        List<String> is = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(baseList.get(key), envList.get(key))) {
                was.add(key + ": " + baseList.getOrDefault(key, "absent"));
                is.add(key + ": " + envList.getOrDefault(key, "absent"));
            }
        }
        return was.isEmpty() ? null : new Confound(envLabel, baseLabel, "CPU mitigations", String.join(" | ", was),
                String.join(" | ", is), "mitigations such as retpolines and speculative store bypass barriers add "
                        + "cost to every kernel entry and context switch");
    }

    private static String pathDepth(FingerprintInput f) {
        String dir = f.facts().benchDir();
        return dir == null || dir.isBlank() ? null : Path.of(dir).getNameCount() + " (" + dir + ")";
    }

    /** The JVM's -X and -D options in the JMH arguments, isobench's own -Disobench.* properties left out. */
    private static String jvmFlags(FingerprintInput f) {
        List<String> args = f.facts().jmhArgs();
        if (args == null) {
            return null;
        }
        return String.join(" ", args.stream().flatMap(arg -> Arrays.stream(arg.split("\\s+")))
                .filter(t -> (t.startsWith("-X") || t.startsWith("-D") || t.startsWith("-javaagent"))
                        && !t.startsWith("-Disobench."))
                .toList());
    }
}
