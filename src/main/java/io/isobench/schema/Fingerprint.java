package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What ran, where, and under which conditions, as the suite reads it from the running system inside each
 * environment ({@code io.isobench.suite.FingerprintProbe}); the larger part of environment.json. A value the system
 * does not show is "unknown" or "none" as the probe says, null only where the probe has nothing to say
 * ({@code hypervisorVendor} without a hypervisor) or in files of older versions.
 *
 * @param env the environment's name (its directory), e.g. {@code container-bridge}
 * @param kind host, container or vm
 * @param accel none, kvm or tcg
 * @param kernel {@code /proc/sys/kernel/osrelease}: inside gVisor, gVisor's own; see {@link EnvironmentRecord#hostKernel()}
 * @param cpus processors available to the JVM
 * @param memoryBytes MemTotal
 * @param vulnerabilities {@code /sys/devices/system/cpu/vulnerabilities}, by file name
 * @param jarSha256 the benchmarks jar's sha256: equal jars run equal code
 * @param profile the run profile (smoke, quick, standard, full)
 * @param jmhArgs the exact JMH command line of every fork
 * @param peer the host's echo peer as dialled from inside ({@code HOST:PORT}), empty without one
 * @param peerPath how the environment reaches it ({@code io.isobench.support.Peer.PATH_PROPERTY}); since 2.1
 * @param memoryReclaim what takes memory back from this system on its own, unasked by any run: DAMON schemes that are on
 *     ({@code DAMON paddr pageout}), a virtio balloon's free page reporting or hinting; {@code none}, or
 *     {@code unknown} where {@code /sys/kernel/mm} cannot be read (gVisor); since 2.6
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fingerprint(String env, String kind, String variant, String accel, String runId,
                          String kernel, String kernelVersion, String arch, String os,
                          String cpuModel, Integer cpus, String onlineCpus, Boolean hypervisor, String hypervisorVendor,
                          Long memoryBytes, Map<String, String> vulnerabilities, String cpuGovernor, String clocksource,
                          String transparentHugepages, String seccomp, String cgroupMemoryLimit, String cgroupCpuQuota,
                          String cgroup, String cpusAllowed, Jvm jvm, String jarSha256, String jar, String profile,
                          List<String> jmhArgs, String jmhVersion, String isobenchVersion, String timestamp,
                          String benchDir, String benchDirFsType, String peer, String peerPath,
                          String memoryReclaim) {

    /**
     * The JVM that ran the forks. {@code runtimeSha256} identifies its build (libjvm.so and the module image);
     * {@code classDataSharing}: whether this JVM mapped its class-data archive here (a JVM without it loads every class
     * from scratch, which a fork's start and the JVM start column pay; absent in results from before it was recorded).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Jvm(String vendor, String version, String vmName, String vmVersion, String home,
                      String runtimeSha256, Boolean classDataSharing) {
    }

    public Fingerprint {
        vulnerabilities = vulnerabilities == null ? null : Collections.unmodifiableMap(new TreeMap<>(vulnerabilities));
        jmhArgs = jmhArgs == null ? null : List.copyOf(jmhArgs);
    }

    /** The fingerprint of an environment whose suite never wrote one: its name only. */
    public static Fingerprint named(String env) {
        return new Fingerprint(env, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}
