package io.isobench.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The disks' flush counters: which disks count, how a stat line is read, and an fsync on this machine's disk. */
public class DeviceFlushesTest {

    @TempDir
    Path sys;

    /** Whether {@code dir} is on tmpfs, where an fsync reaches no disk. */
    public static boolean onTmpfs(Path dir) throws IOException {
        return Files.getFileStore(dir).type().equals("tmpfs");
    }

    private void device(String name, String cache, String stat, String... slaves) throws IOException {
        Path device = Files.createDirectories(sys.resolve(name).resolve("queue"));
        Files.writeString(device.resolve("write_cache"), cache + "\n");
        Files.writeString(device.getParent().resolve("stat"), stat + "\n");
        Path below = Files.createDirectories(device.getParent().resolve("slaves"));
        for (String slave : slaves) {
            Files.createDirectories(below.resolve(slave));
        }
    }

    private static String stat(long flushes) {
        return "  7041403    88920 127485686  1955127 10624490   854424 1001375866  2790459        0  1407536  5560469"
                + "   887416       81 799481200   256603 " + flushes + "   558278";
    }

    @Test
    void countsTheWriteBackDisksAtTheBottomOfTheStack() throws IOException {
        device("vda", "write back", stat(4384577));
        device("sdb", "write back", stat(10));
        device("dm-0", "write back", stat(99), "vda");
        device("loop0", "write through", stat(0));
        device("zram0", "write through", stat(0));
        device("sdc", "write back", "  1 2 3 4 5 6 7 8 9 10 11"); // a kernel before 5.5 counts no flushes
        assertEquals(List.of(sys.resolve("sdb/stat"), sys.resolve("vda/stat")), DeviceFlushes.cachedDisks(sys));
        assertEquals(List.of(), DeviceFlushes.cachedDisks(sys.resolve("none")), "gVisor: no /sys/block");
    }

    @Test
    void readsTheSixteenthField() {
        assertEquals(4384577, DeviceFlushes.field(stat(4384577)));
        assertEquals(-1, DeviceFlushes.field("1 2 3 4 5 6 7 8 9 10 11"));
    }

    @Test
    void nothingCountedWithoutADisk() {
        DeviceFlushes flushes = new DeviceFlushes();
        flushes.start();
        flushes.op();
        flushes.stop();
        assertEquals(0, flushes.deviceFlushOps, "no disks found before start: neither counter moves");
        assertEquals(0, flushes.deviceFlushes);
    }

    @Test
    void anFsyncOnThisMachinesDiskFlushesItsCache() throws IOException {
        DeviceFlushes flushes = new DeviceFlushes();
        flushes.findDisks();
        Path dir = Files.createTempDirectory(Path.of("/var/tmp"), "isobench-flushes");
        Path file = dir.resolve("data");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            flushes.start();
            for (int i = 0; i < 5; i++) {
                channel.write(ByteBuffer.allocate(4096), i * 4096L);
                channel.force(true);
                flushes.op();
            }
            flushes.stop();
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
        if (DeviceFlushes.cachedDisks(DeviceFlushes.SYS_BLOCK).isEmpty() || onTmpfs(Path.of("/var/tmp"))) {
            assertEquals(0, flushes.deviceFlushOps, "no write-back disk here: nothing counted");
        } else {
            assertEquals(5, flushes.deviceFlushOps);
            assertTrue(flushes.deviceFlushes >= 5, "an fsync of new data ends in a flush: " + flushes.deviceFlushes);
        }
    }
}
