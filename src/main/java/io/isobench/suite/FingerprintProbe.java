package io.isobench.suite;

import io.isobench.schema.Fingerprint;
import io.isobench.support.FileSystems;
import io.isobench.support.Peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the environment fingerprint ({@link Fingerprint}, the larger part of {@code environment.json}) from the running
 * system: what ran, where, and under which conditions. Runs inside benchmarks.jar, so it reads the same way on the
 * host, in a container and in a VM.
 */
public final class FingerprintProbe {

    private FingerprintProbe() {
    }

    /** Who started the suite and how; everything else is read from the running system. */
    public record Context(String env, String kind, String variant, String accel, String runId,
                          Profile profile, List<String> jmhArgs, Path benchDir, Path jar) {
    }

    public static Fingerprint collect(Context context) {
        boolean hypervisor = cpuInfo("flags").map(flags -> (" " + flags + " ").contains(" hypervisor ")).orElse(false);
        return new Fingerprint(context.env(), context.kind(), context.variant(), context.accel(), context.runId(),
                read("/proc/sys/kernel/osrelease").orElse(System.getProperty("os.version")),
                read("/proc/sys/kernel/version").orElse("unknown"),
                System.getProperty("os.arch"),
                osRelease(),
                cpuInfo("model name").orElse("unknown"),
                Runtime.getRuntime().availableProcessors(),
                read("/sys/devices/system/cpu/online").orElse("unknown"),
                hypervisor,
                hypervisor ? hypervisorVendor().orElse("unknown") : null,
                memTotalBytes(),
                vulnerabilities(),
                read("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor").orElse("none (no cpufreq)"),
                read("/sys/devices/system/clocksource/clocksource0/current_clocksource").orElse("unknown"),
                read("/sys/kernel/mm/transparent_hugepage/enabled").orElse("unknown"),
                statusField("Seccomp").orElse("unknown"),
                cgroupMemoryLimit().orElse("none"),
                cgroupCpuQuota().orElse("none"),
                read("/proc/self/cgroup").map(text -> text.replace('\n', ' ')).filter(text -> !text.isEmpty()).orElse("none"),
                statusField("Cpus_allowed_list").orElse("unknown"),
                jvm(),
                context.jar() == null ? "unknown" : sha256(context.jar()),
                context.jar() == null ? "unknown" : context.jar().toString(),
                context.profile().id(),
                context.jmhArgs(),
                jmhVersion(),
                Version.ISOBENCH,
                Instant.now().toString(),
                context.benchDir().toAbsolutePath().toString(),
                FileSystems.typeOf(context.benchDir()),
                System.getProperty(Peer.PROPERTY, ""),
                System.getProperty(Peer.PATH_PROPERTY, System.getProperty(Peer.PROPERTY, "").isEmpty() ? "none" : "unknown"),
                memoryReclaim(Paths.get("/sys")));
    }

    /** The virtio balloon's feature bits for free page hinting and free page reporting (linux/virtio_balloon.h). */
    private static final int BALLOON_FREE_PAGE_HINT = 3;
    private static final int BALLOON_REPORTING = 5;

    /**
     * What takes memory back from this system on its own ({@link Fingerprint#memoryReclaim}), read under {@code sys}:
     * every DAMON scheme of a kdamond that is on, as {@code DAMON <operations> <action>} (a {@code pageout} scheme
     * evicts idle page cache, so a file idle for a while is read from the disk again), and a virtio balloon that
     * reports or hints free pages to the hypervisor (which may take them back, so reusing them costs a fault on the
     * host). {@code none} when nothing does, {@code unknown} when {@code sys/kernel/mm} is not there to ask.
     */
    static String memoryReclaim(Path sys) {
        if (!Files.isDirectory(sys.resolve("kernel/mm"))) {
            return "unknown";
        }
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        for (Path kdamond : children(sys.resolve("kernel/mm/damon/admin/kdamonds"))) {
            if (!read(kdamond.resolve("state").toString()).orElse("").equals("on")) {
                continue;
            }
            for (Path context : children(kdamond.resolve("contexts"))) {
                String operations = read(context.resolve("operations").toString()).orElse("unknown");
                for (Path scheme : children(context.resolve("schemes"))) {
                    read(scheme.resolve("action").toString())
                            .ifPresent(action -> found.add("DAMON " + operations + " " + action));
                }
            }
        }
        for (String module : List.of("damon_reclaim", "damon_lru_sort")) {
            if (read(sys.resolve("module/" + module + "/parameters/enabled").toString()).orElse("N").equals("Y")) {
                found.add("DAMON " + module);
            }
        }
        for (Path balloon : children(sys.resolve("bus/virtio/drivers/virtio_balloon"))) {
            String features = read(balloon.resolve("features").toString()).orElse("");
            if (features.length() > BALLOON_REPORTING && features.charAt(BALLOON_REPORTING) == '1') {
                found.add("virtio-balloon free page reporting");
            }
            if (features.length() > BALLOON_FREE_PAGE_HINT && features.charAt(BALLOON_FREE_PAGE_HINT) == '1') {
                found.add("virtio-balloon free page hinting");
            }
        }
        return found.isEmpty() ? "none" : String.join("; ", found);
    }

    /** The numbered entries of a sysfs directory (kdamonds/0, contexts/0) or the devices a driver is bound to. */
    private static List<Path> children(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().matches("\\d+|virtio\\d+")).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The jar this class was loaded from, or empty when running from classes (tests). */
    public static Optional<Path> ownJar() {
        try {
            Path location = Paths.get(FingerprintProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Fingerprint.Jvm jvm() {
        return new Fingerprint.Jvm(System.getProperty("java.vendor"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), System.getProperty("java.home"),
                runtimeSha256(Paths.get(System.getProperty("java.home"))), classDataSharing());
    }

    /**
     * Whether this JVM runs with its class-data archive mapped ({@code UseSharedSpaces}, which the JVM turns off when
     * the archive is missing or cannot be mapped); null where the JVM does not say.
     */
    static Boolean classDataSharing() {
        try {
            return Boolean.valueOf(java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseSharedSpaces").getValue());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Identifies the JVM build: the sha256 over libjvm.so and the module image. Two runtimes with the same
     * value run the same code; a jlink'd copy of the same JDK has its own value, the same wherever it is copied.
     */
    static String runtimeSha256(Path javaHome) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of("lib/server/libjvm.so", "lib/modules")) {
                Path file = javaHome.resolve(part);
                if (!Files.isRegularFile(file)) {
                    return "unknown";
                }
                digest.update(HexFormat.of().parseHex(sha256(file)));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // Reading is digesting.
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> vulnerabilities() {
        TreeMap<String, String> sorted = new TreeMap<>();
        Path dir = Paths.get("/sys/devices/system/cpu/vulnerabilities");
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    read(file.toString()).ifPresent(text -> sorted.put(file.getFileName().toString(), text));
                }
            } catch (IOException e) {
                // Leave the map as far as it was read.
            }
        }
        return sorted;
    }

    /**
     * The hypervisor under this system (only asked when the CPU flags say there is one): /sys/hypervisor/type, then
     * the DMI vendor or product, then the kernel log's "Hypervisor detected: X" when dmesg is readable.
     */
    static Optional<String> hypervisorVendor() {
        for (String file : List.of("/sys/hypervisor/type", "/sys/devices/virtual/dmi/id/sys_vendor",
                "/sys/devices/virtual/dmi/id/product_name")) {
            Optional<String> value = read(file).filter(text -> !text.isBlank());
            if (value.isPresent()) {
                return value;
            }
        }
        return kernelLogHypervisor();
    }

    private static Optional<String> kernelLogHypervisor() {
        try {
            Process dmesg = new ProcessBuilder("dmesg").redirectErrorStream(true).start();
            dmesg.getOutputStream().close();
            try (var lines = new BufferedReader(new InputStreamReader(dmesg.getInputStream(), StandardCharsets.UTF_8))
                    .lines()) {
                Optional<String> found = lines.filter(line -> line.contains("Hypervisor detected: "))
                        .map(line -> line.substring(line.indexOf("Hypervisor detected: ") + 21).trim())
                        .findFirst();
                dmesg.destroy();
                return found;
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no dmesg, or the kernel log is not readable here
        }
    }

    private static long memTotalBytes() {
        return lines("/proc/meminfo").stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                .findFirst().orElse(-1L);
    }

    private static Optional<String> cgroupMemoryLimit() {
        Optional<String> v2 = read("/sys/fs/cgroup/memory.max");
        if (v2.isPresent()) {
            return v2;
        }
        return read("/sys/fs/cgroup/memory/memory.limit_in_bytes")
                .filter(value -> value.length() < 19); // v1 reports "no limit" as a near-max 64-bit number
    }

    private static Optional<String> cgroupCpuQuota() {
        Optional<String> v2 = read("/sys/fs/cgroup/cpu.max");
        if (v2.isPresent()) {
            return v2;
        }
        Optional<String> quota = read("/sys/fs/cgroup/cpu/cpu.cfs_quota_us");
        Optional<String> period = read("/sys/fs/cgroup/cpu/cpu.cfs_period_us");
        if (quota.isPresent() && period.isPresent() && !quota.get().equals("-1")) {
            return Optional.of(quota.get() + " " + period.get());
        }
        return Optional.empty();
    }

    private static String osRelease() {
        return lines("/etc/os-release").stream()
                .filter(line -> line.startsWith("PRETTY_NAME="))
                .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
                .findFirst().orElse("unknown");
    }

    private static Optional<String> cpuInfo(String key) {
        return lines("/proc/cpuinfo").stream()
                .filter(line -> line.startsWith(key) && line.contains(":"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst();
    }

    private static Optional<String> statusField(String key) {
        return lines("/proc/self/status").stream()
                .filter(line -> line.startsWith(key + ":"))
                .map(line -> line.substring(key.length() + 1).trim())
                .findFirst();
    }

    private static String jmhVersion() {
        return org.openjdk.jmh.util.Version.getPlainVersion();
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Paths.get(path));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Optional<String> read(String path) {
        try {
            return Optional.of(Files.readString(Paths.get(path)).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
