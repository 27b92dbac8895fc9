package io.isobench.launcher.kind.vm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a cached VM image against what {@code build.sh vm} recorded when it made it ({@value #CHECKSUMS}: one line
 * {@code <sha256> <size> <name>} per file), so that a truncated or damaged kernel, initrd or disk is rebuilt instead of
 * booted. Sizes are always checked, and the kernel and initrd (a few MB) always hashed. The disk (2 GB, sparse) is
 * hashed only when its size or modification time differs from the last verification, recorded in {@value #VERIFIED}.
 */
final class ImageCheck {

    /** Written by build.sh. */
    static final String CHECKSUMS = "checksums";
    /** Written here after the disk was hashed and found intact: {@code <size> <mtime in ns> <sha256>}. */
    static final String VERIFIED = "disk.img.verified";

    private static final String DISK = "disk.img";

    private ImageCheck() {
    }

    /** What is wrong with the image in {@code dir}, or empty when it is as built. */
    static Optional<String> problem(Path dir) throws IOException {
        Path checksums = dir.resolve(CHECKSUMS);
        if (!Files.isRegularFile(checksums)) {
            return Optional.of(CHECKSUMS + " is missing (an unfinished or older build)");
        }
        List<String> lines = Files.readAllLines(checksums);
        boolean sawDisk = false;
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 3 || !f[0].matches("[0-9a-f]{64}") || !f[1].matches("[0-9]{1,19}") || f[2].contains("/")) {
                return Optional.of(CHECKSUMS + " has a malformed line: '" + line + "'");
            }
            Path file = dir.resolve(f[2]);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(f[2] + " is missing");
            }
            long size = Files.size(file);
            if (size != Long.parseLong(f[1])) {
                return Optional.of(f[2] + " is " + size + " bytes, " + f[1] + " when it was built");
            }
            sawDisk |= f[2].equals(DISK);
            if (f[2].equals(DISK) && verifiedBefore(dir, file, f[0])) {
                continue;
            }
            if (!sha256(file).equals(f[0])) {
                return Optional.of(f[2] + " does not match the sha256 recorded when it was built");
            }
            if (f[2].equals(DISK)) {
                recordVerified(dir, file, f[0]);
            }
        }
        return sawDisk ? Optional.empty() : Optional.of(CHECKSUMS + " does not list " + DISK);
    }

    private static boolean verifiedBefore(Path dir, Path disk, String sha256) {
        try {
            return Files.readString(dir.resolve(VERIFIED)).strip().equals(stamp(disk, sha256));
        } catch (IOException e) {
            return false;
        }
    }

    /** Best effort: without the record, the disk is hashed again next time. */
    private static void recordVerified(Path dir, Path disk, String sha256) {
        try {
            Files.writeString(dir.resolve(VERIFIED), stamp(disk, sha256) + "\n");
        } catch (IOException e) {
            // A read-only cache: verified again next time.
        }
    }

    private static String stamp(Path disk, String sha256) throws IOException {
        java.time.Instant mtime = Files.getLastModifiedTime(disk).toInstant();
        return Files.size(disk) + " " + (mtime.getEpochSecond() * 1_000_000_000L + mtime.getNano()) + " " + sha256;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
