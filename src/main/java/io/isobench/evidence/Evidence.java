package io.isobench.evidence;

import java.util.Optional;

/**
 * The kinds of evidence a row can carry. Each is the ratio of two JMH secondary metrics that one state class of this
 * package writes: {@code numerator / denominator}, each summed over a fork's measured iterations (JMH writes one value per
 * iteration in {@code rawData}).
 */
public enum Evidence {

    /** Bytes read from block devices per operation ({@link DeviceReads}). */
    DEVICE_READ_BYTES_PER_OP("deviceReadBytesPerOp", DeviceReads.class, "deviceReadBytes", "deviceReadOps"),

    /** Bytes sent towards block devices per operation ({@link DeviceWrites}). */
    DEVICE_WRITE_BYTES_PER_OP("deviceWriteBytesPerOp", DeviceWrites.class, "deviceWriteBytes", "deviceWriteOps"),

    /** Write system calls per operation ({@link DeviceWrites}). */
    WRITE_CALLS_PER_OP("writeCallsPerOp", DeviceWrites.class, "writeCalls", "deviceWriteOps"),

    /** Cache flushes of the disks per operation ({@link DeviceFlushes}). */
    DEVICE_FLUSHES_PER_OP("deviceFlushesPerOp", DeviceFlushes.class, "deviceFlushes", "deviceFlushOps"),

    /** Minor page faults per operation ({@link MinorFaults}). */
    MINOR_FAULTS_PER_OP("minorFaultsPerOp", MinorFaults.class, "minorFaults", "minorFaultOps"),

    /** The fraction of a measured range that transparent huge pages back ({@link HugePages}). */
    HUGE_PAGE_COVERAGE("hugePageCoverage", HugePages.class, "anonHugePageBytes", "measuredRangeBytes"),

    /** The fraction of sampled round trips in which two threads ran on the same CPU ({@link CpuPlacement}). */
    SAME_CPU_FRACTION("sameCpuFraction", CpuPlacement.class, "sameCpuSamples", "cpuSamples"),

    /** The service's read and write system calls per request it served ({@link ServiceCalls}). */
    SERVICE_CALLS_PER_REQUEST("serviceCallsPerRequest", ServiceCalls.class, "serviceCalls", "serviceRequests");

    private final String id;
    private final Class<?> state;
    private final String numerator;
    private final String denominator;

    Evidence(String id, Class<?> state, String numerator, String denominator) {
        this.id = id;
        this.state = state;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** The name the records use ({@code deviceReadBytesPerOp}). */
    public String id() {
        return id;
    }

    /** The state class whose counters these are: a benchmark that claims this evidence takes it as an argument. */
    public Class<?> state() {
        return state;
    }

    /** The secondary metric summed above the line. */
    public String numerator() {
        return numerator;
    }

    /** The secondary metric summed below the line. */
    public String denominator() {
        return denominator;
    }

    /** The evidence of that name, if any. */
    public static Optional<Evidence> byId(String id) {
        for (Evidence evidence : values()) {
            if (evidence.id.equals(id)) {
                return Optional.of(evidence);
            }
        }
        return Optional.empty();
    }
}
