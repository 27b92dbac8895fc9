package io.isobench.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Set;

/**
 * Reading a file that someone else wrote: a guest's or a container's results, or a results folder handed over. A
 * file is read only when it is a regular file in its own right: a symbolic link is not followed (it is opened with
 * {@code O_NOFOLLOW}), a FIFO or a device is not opened at all (a FIFO nobody writes would block the open forever), a
 * guest's link or FIFO that QEMU keeps as a plain file in a VM's share ({@link #mappedType}) is not read either, and
 * never more than a cap is read, from the opened channel (a file can grow while it is read, and {@code /dev/zero}
 * has size 0). Each refusal is a {@link Refused} whose message is one line.
 *
 * <p>The type is checked before the open and the open itself does not follow a link, so what is opened is the
 * regular file that was checked unless it was swapped for another regular file, a FIFO or a device in between: only a
 * writer racing the reader could do that (a VM's share cannot hold FIFOs at all, see {@code Guest}).
 */
public final class UntrustedFile {

    /** Why a file was not read: a link, not a regular file, or larger than the cap. The message is the problem alone. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        public Refused(String problem) {
            super(problem);
        }
    }

    private UntrustedFile() {
    }

    /** Whether anything is at {@code file}, a dangling link included (it is not followed). */
    public static boolean present(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether {@code file} is a regular file, not a link to one. */
    public static boolean isRegular(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** The file's bytes; {@link Refused} when it is not a regular file or holds more than {@code cap} bytes. */
    public static byte[] readBytes(Path file, long cap) throws IOException {
        try (InputStream in = open(file, cap)) {
            byte[] buffer = new byte[(int) Math.min(Math.max(cap, 0) + 1, 1 << 16)];
            int length = 0;
            int n;
            while ((n = in.read(buffer, length, buffer.length - length)) >= 0) {
                length += n;
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, Integer.MAX_VALUE - 8));
                }
            }
            return Arrays.copyOf(buffer, length);
        }
    }

    /** The file as UTF-8 text, as {@link #readBytes} reads it. */
    public static String readString(Path file, long cap) throws IOException {
        return new String(readBytes(file, cap), StandardCharsets.UTF_8);
    }

    /**
     * A stream of the file that ends in {@link Refused} when it would deliver more than {@code cap} bytes; the file is
     * checked and opened as the class describes.
     */
    public static InputStream open(Path file, long cap) throws IOException {
        return new Capped(Channels.newInputStream(channel(file, cap)), cap);
    }

    /**
     * The file, checked and opened as the class describes, for reading from a position (a growing log read in turns).
     * The caller caps what it reads.
     */
    public static SeekableByteChannel channel(Path file) throws IOException {
        return channel(file, Long.MAX_VALUE);
    }

    /** The checked channel; a file whose size is already above {@code cap} is refused before it is opened. */
    private static SeekableByteChannel channel(Path file, long cap) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw new Refused("is a symbolic link; it is not followed");
        }
        if (!attributes.isRegularFile()) {
            throw new Refused("is not a regular file (" + (attributes.isDirectory() ? "a directory" : "a FIFO, socket or device")
                    + "); it is not read");
        }
        int guestType = mappedType(file);
        if (guestType == S_IFLNK) {
            throw new Refused("is a symbolic link made in a VM's share (QEMU's mapped-xattr keeps it as a file holding "
                    + "the link's target); it is not followed");
        }
        if (guestType != 0 && guestType != S_IFREG) {
            throw new Refused("is not a regular file in the VM's share (a FIFO, socket or device, kept by QEMU's "
                    + "mapped-xattr as a plain file); it is not read");
        }
        if (attributes.size() > cap) {
            throw tooLarge(cap);
        }
        return Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * Copies {@code from} to {@code to} as {@link #open} reads it: a temporary file beside {@code to} that replaces it
     * only when the whole file was read (a link in place of {@code to} is replaced, not followed).
     */
    public static void copy(Path from, Path to, long cap) throws IOException {
        Path dir = to.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + to.getFileName() + ".", ".tmp");
        try {
            try (InputStream in = open(from, cap); OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            }
            Files.move(temp, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file type bits of a mode, and the two types told apart here. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    /** The attribute (user.virtfs.mode) in which QEMU's mapped-xattr model keeps the mode a guest gave a file. */
    public static final String QEMU_MODE = "virtfs.mode";

    /**
     * The file type that a guest gave {@code file} (a regular file on the host) when QEMU shared its directory with
     * {@code security_model=mapped-xattr}: a guest's symbolic link, FIFO or device is such a file, holding the link's
     * target or nothing, with the guest's mode in the attribute {@value #QEMU_MODE} (four bytes, little-endian). 0 when
     * it has no such attribute (a file the host wrote, or a share of another model) or the attribute cannot be read.
     * The guest cannot set the attribute itself: QEMU hides it from the guest.
     */
    private static int mappedType(Path file) {
        try {
            java.nio.file.attribute.UserDefinedFileAttributeView view = Files.getFileAttributeView(file,
                    java.nio.file.attribute.UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (view == null || !view.list().contains(QEMU_MODE)) {
                return 0;
            }
            ByteBuffer mode = ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN); // QEMU writes a mode_t
            view.read(QEMU_MODE, mode);
            return mode.position() >= Integer.BYTES ? mode.getInt(0) & S_IFMT : 0;
        } catch (IOException | UnsupportedOperationException e) {
            return 0; // no user attributes here: what the type check saw is all there is
        }
    }

    /** Reads at most {@code limit} bytes of a channel from {@code position} into the sink; returns how many it read. */
    public static long copyRange(SeekableByteChannel channel, long position, long limit, OutputStream sink)
            throws IOException {
        channel.position(position);
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        long copied = 0;
        while (copied < limit) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), limit - copied));
            int n = channel.read(buffer);
            if (n <= 0) {
                break;
            }
            sink.write(buffer.array(), 0, n);
            copied += n;
        }
        return copied;
    }

    private static Refused tooLarge(long cap) {
        return new Refused("holds more than " + mib(cap) + ", more than such a file may; it is not read");
    }

    /** A MiB count for messages. */
    public static String mib(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes >= 1 << 10 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }

    /** A stream that refuses to deliver more than its cap: one byte more than the cap is the refusal. */
    private static final class Capped extends InputStream {
        private final InputStream in;
        private final long cap;
        private long read;

        Capped(InputStream in, long cap) {
            this.in = in;
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = in.read(b, off, (int) Math.min(len, cap + 1 - read));
            if (n > 0) {
                read += n;
                if (read > cap) {
                    throw tooLarge(cap);
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
