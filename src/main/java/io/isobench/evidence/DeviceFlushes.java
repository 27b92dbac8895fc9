package io.isobench.evidence;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cache flushes that the machine's disks completed during an iteration ({@code deviceFlushes}) and the operations
 * counted ({@code deviceFlushOps}): field 16 of {@code /sys/block/DEV/stat} ("flush requests completed", Linux 5.5
 * and later), summed over the disks with a volatile cache ({@code queue/write_cache} says {@code write back}) that sit
 * under no other block device (a device-mapper or md device passes its flushes down to them, which are counted once
 * there). An fsync that makes data durable on such a disk ends in a flush (ext4 and xfs send one with the journal
 * commit), so a durable commit shows at least one per operation, whatever the file system made of its writes; an fsync
 * that flushes nothing (tmpfs, a disk without a write-back cache) shows none. The count is the disk's, not the
 * thread's: other writers' flushes add theirs (ext4's periodic journal commit, one every 5 s, against hundreds of
 * commits a second). Inside a VM it counts the guest's virtual disk. Where no such disk is visible (gVisor has no
 * {@code /sys/block}) both counters stay 0, which the report shows as nothing counted.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class DeviceFlushes {

    static final Path SYS_BLOCK = Path.of("/sys/block");
    /** Flush requests completed: the 16th field of a block device's stat file (Documentation/block/stat.rst). */
    static final int FLUSH_FIELD = 16;

    public long deviceFlushes;
    public long deviceFlushOps;

    private List<Path> disks = List.of();
    private long start;
    private long ops;

    @Setup(Level.Trial)
    public void findDisks() {
        disks = cachedDisks(SYS_BLOCK);
    }

    @Setup(Level.Iteration)
    public void start() {
        deviceFlushes = 0;
        deviceFlushOps = 0;
        ops = 0;
        start = flushes(disks);
    }

    /** One operation done. */
    public void op() {
        ops++;
    }

    @TearDown(Level.Iteration)
    public void stop() {
        if (!disks.isEmpty()) {
            deviceFlushes = flushes(disks) - start;
            deviceFlushOps = ops;
        }
    }

    /** The stat files of the disks under {@code sysBlock} with a write-back cache and no block device above them. */
    static List<Path> cachedDisks(Path sysBlock) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(sysBlock)) {
            return found;
        }
        try (DirectoryStream<Path> devices = Files.newDirectoryStream(sysBlock)) {
            for (Path device : devices) {
                Path cache = device.resolve("queue/write_cache");
                Path stat = device.resolve("stat");
                if (Files.isReadable(cache) && Files.readString(cache).strip().equals("write back")
                        && Files.isReadable(stat) && !stacked(device) && field(Files.readString(stat)) >= 0) {
                    found.add(stat);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        found.sort(null);
        return found;
    }

    /** Whether the device is made of others ({@code slaves/} not empty): its flushes are counted on them. */
    private static boolean stacked(Path device) throws IOException {
        Path slaves = device.resolve("slaves");
        if (!Files.isDirectory(slaves)) {
            return false;
        }
        try (DirectoryStream<Path> below = Files.newDirectoryStream(slaves)) {
            return below.iterator().hasNext();
        }
    }

    /** The flush count of one stat line, or -1 where the kernel does not count flushes (fewer fields). */
    static long field(String stat) {
        String[] fields = stat.strip().split("\\s+");
        return fields.length >= FLUSH_FIELD ? Long.parseLong(fields[FLUSH_FIELD - 1]) : -1;
    }

    private static long flushes(List<Path> disks) {
        long sum = 0;
        for (Path stat : disks) {
            try {
                sum += Math.max(0, field(Files.readString(stat)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + stat, e);
            }
        }
        return sum;
    }
}
