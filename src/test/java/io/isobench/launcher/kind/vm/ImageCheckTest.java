package io.isobench.launcher.kind.vm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageCheckTest {

    @TempDir
    Path dir;

    @BeforeEach
    void builtImage() throws IOException {
        Files.write(dir.resolve("disk.img"), new byte[64 * 1024]);
        Files.writeString(dir.resolve("vmlinux"), "kernel");
        Files.writeString(dir.resolve("initrd.img"), "initrd");
        StringBuilder checksums = new StringBuilder();
        for (String name : new String[]{"disk.img", "vmlinux", "initrd.img"}) {
            checksums.append(ImageCheck.sha256(dir.resolve(name))).append(' ')
                    .append(Files.size(dir.resolve(name))).append(' ').append(name).append('\n');
        }
        Files.writeString(dir.resolve(ImageCheck.CHECKSUMS), checksums);
    }

    @Test
    void anImageAsBuiltPassesAndItsDiskIsRecordedAsVerified() throws IOException {
        assertEquals(Optional.empty(), ImageCheck.problem(dir));
        assertTrue(Files.isRegularFile(dir.resolve(ImageCheck.VERIFIED)));
    }

    @Test
    void aTruncatedInitrdIsCaughtBySize() throws IOException {
        Files.writeString(dir.resolve("initrd.img"), "init");
        assertEquals(Optional.of("initrd.img is 4 bytes, 6 when it was built"), ImageCheck.problem(dir));
    }

    @Test
    void aKernelOfTheRightSizeButOtherBytesIsCaughtByItsHash() throws IOException {
        Files.writeString(dir.resolve("vmlinux"), "KERNEL");
        assertEquals(Optional.of("vmlinux does not match the sha256 recorded when it was built"), ImageCheck.problem(dir));
    }

    @Test
    void theDiskIsHashedAgainOnlyWhenItsSizeOrTimeChanged() throws IOException {
        Path disk = dir.resolve("disk.img");
        FileTime built = Files.getLastModifiedTime(disk);
        assertEquals(Optional.empty(), ImageCheck.problem(dir));
        corrupt(disk);
        Files.setLastModifiedTime(disk, built);
        assertEquals(Optional.empty(), ImageCheck.problem(dir), "same size and time: the recorded check stands");
        Files.setLastModifiedTime(disk, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(Optional.of("disk.img does not match the sha256 recorded when it was built"), ImageCheck.problem(dir));
    }

    @Test
    void anImageWithoutChecksumsIsNotTrusted() throws IOException {
        Files.delete(dir.resolve(ImageCheck.CHECKSUMS));
        assertTrue(ImageCheck.problem(dir).orElseThrow().startsWith("checksums is missing"));
    }

    private static void corrupt(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(100);
            f.write(0x5a);
        }
    }
}
