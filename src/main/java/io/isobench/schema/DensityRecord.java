package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code density.json}: how many idle instances of each kind fit on this host and what each one costs it, measured by
 * starting them one by one ({@code isobench density}). Written after every instance, so a failure keeps what was
 * measured.
 *
 * @param host the host's kernel and CPU model, for the reader
 * @param memTotalBytes the host's MemTotal
 * @param floorBytes the MemAvailable that a start must not cross (checked before each start)
 * @param startedAt when the run started (ISO-8601, UTC)
 * @param series one per kind (and KSM setting), in the order they ran
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DensityRecord(SchemaVersion schemaVersion, String host, long memTotalBytes, long floorBytes,
                            String startedAt, List<Series> series) {

    /** The file name, at the run directory's top level. */
    public static final String FILE = "density.json";

    public DensityRecord {
        schemaVersion = schemaVersion == null ? SchemaVersion.LEGACY : schemaVersion;
        series = series == null ? List.of() : List.copyOf(series);
    }

    /** A run with nothing measured yet, in this build's schema. */
    public static DensityRecord started(String host, long memTotalBytes, long floorBytes, String startedAt) {
        return new DensityRecord(SchemaVersion.CURRENT, host, memTotalBytes, floorBytes, startedAt, List.of());
    }

    /** The same record with {@code value} in place of the series of the same label, or appended. */
    public DensityRecord with(Series value) {
        List<Series> all = new ArrayList<>(series);
        all.removeIf(s -> s.label().equals(value.label()));
        all.add(value);
        return new DensityRecord(schemaVersion, host, memTotalBytes, floorBytes, startedAt, all);
    }

    /**
     * The instances of one kind, started one by one.
     *
     * @param label the series' name: the kind, with {@code -fpr} for free page reporting and {@code -ksm} when KSM was on ({@code host}, {@code container-runc},
     *              {@code container-runsc}, {@code vm-tcg}, {@code vm-tcg-ksm}, {@code vm-tcg-fpr})
     * @param kind host, container or vm
     * @param notes what a reader must know (TCG emulation, how the runtime reaches the instance)
     * @param baselineAvailableBytes MemAvailable before the first instance
     * @param stopReason why no further instance was started ({@code --max reached}, the floor, a failure)
     * @param points one per instance count, in order
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Series(String label, String kind, List<String> notes, long baselineAvailableBytes, String stopReason,
                         List<Point> points) {

        public Series {
            notes = notes == null ? List.of() : List.copyOf(notes);
            points = points == null ? List.of() : List.copyOf(points);
        }

        public Series withPoint(Point point) {
            List<Point> all = new ArrayList<>(points);
            all.add(point);
            return new Series(label, kind, notes, baselineAvailableBytes, stopReason, all);
        }

        public Series stopped(String reason) {
            return new Series(label, kind, notes, baselineAvailableBytes, reason, points);
        }

        /**
         * What each instance after the first costs the host: the MemAvailable drop from the first to the last
         * instance over the instances in between (the first also pays what all of them share), or the first's drop
         * when there is only one. Null without points.
         */
        public Double marginalBytes() {
            if (points.isEmpty()) {
                return null;
            }
            Point first = points.get(0);
            Point last = points.get(points.size() - 1);
            if (points.size() == 1) {
                return (double) first.memAvailableDropBytes();
            }
            return (last.memAvailableDropBytes() - first.memAvailableDropBytes()) / (double) (points.size() - 1);
        }
    }

    /**
     * The host after {@code instances} idle instances of a series were running.
     *
     * @param instances how many were running
     * @param memAvailableDropBytes MemAvailable before the first instance less MemAvailable now (median of reads)
     * @param marginalBytes this instance's share of the drop (the drop less the previous point's)
     * @param hostProcessesPssBytes proportional memory of the host processes of the newest instance (the JVM on the
     *                              host; a container's shim, and gVisor's Sentry and Gofer; QEMU), where known
     * @param startToReadyMillis from asking for the instance to its EchoPeer saying it listens
     * @param ksmPagesSharing KSM's pages_sharing after the settle wait, where KSM was on
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(int instances, long memAvailableDropBytes, long marginalBytes, Long hostProcessesPssBytes,
                        double startToReadyMillis, Long ksmPagesSharing) {
    }
}
