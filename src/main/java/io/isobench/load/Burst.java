package io.isobench.load;

import io.isobench.support.EchoServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One burst of load on {@code threads} threads, from its start until {@link #close()}, which stops and joins every
 * thread and deletes every file the burst wrote. Each thread loops on bounded work: the CPU's arithmetic; a file of at
 * most {@value #FILE_BYTES} bytes written in 64 KiB blocks with an fsync per MiB and read back; 16 KiB round trips
 * through an echo server on loopback.
 */
final class Burst implements AutoCloseable {

    /** The most an io thread's file grows to. */
    static final long FILE_BYTES = 16L << 20;
    private static final int BLOCK = 64 << 10;
    private static final int SYNC_EVERY = 1 << 20;
    private static final int MESSAGE = 16 << 10;

    /** The work of one thread; it checks {@code stopped} between bounded pieces. */
    private interface Work {
        void run() throws IOException;
    }

    private volatile boolean stopped;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    /** Keeps the arithmetic from being optimised away. */
    volatile long sink;
    /** Work done, in the load's own unit (loops, bytes, round trips), for the generator's summary line. */
    private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();

    private Burst() {
    }

    /** Starts a burst of {@code kind} on {@code threads} threads; io files go into {@code dir}. */
    static Burst start(LoadKind kind, int threads, Path dir) throws IOException {
        Burst burst = new Burst();
        try {
            EchoServer server = kind == LoadKind.NET
                    ? EchoServer.tcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), EchoServer.Behaviour.ECHO)
                    : null;
            if (server != null) {
                burst.resources.add(server);
            }
            for (int t = 0; t < threads; t++) {
                Work work = switch (kind) {
                    case CPU -> burst.cpu(t);
                    case IO -> burst.io(Files.createTempFile(dir, "isobench-load-", ".tmp"));
                    case NET -> burst.net((InetSocketAddress) server.address());
                };
                Thread thread = new Thread(() -> {
                    try {
                        work.run();
                    } catch (IOException e) {
                        if (!burst.stopped) {
                            System.err.println("LoadGenerator: " + kind.id() + " load thread ended: " + e);
                        }
                    }
                }, "isobench-load-" + kind.id() + "-" + t);
                thread.setDaemon(true);
                burst.threads.add(thread);
            }
        } catch (IOException | RuntimeException e) {
            burst.close();
            throw e;
        }
        burst.threads.forEach(Thread::start);
        return burst;
    }

    long done() {
        return done.get();
    }

    private Work cpu(int index) {
        return () -> {
            long x = 0x9E3779B97F4A7C15L + index;
            while (!stopped) {
                for (int i = 0; i < 1 << 20; i++) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17;
                }
                sink = x;
                done.incrementAndGet();
            }
        };
    }

    private Work io(Path file) {
        synchronized (files) {
            files.add(file);
        }
        return () -> {
            ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
            while (block.hasRemaining()) {
                block.put((byte) block.position());
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                while (!stopped) {
                    channel.truncate(0);
                    for (long written = 0; written < FILE_BYTES && !stopped; written += BLOCK) {
                        block.clear();
                        channel.write(block, written);
                        if ((written + BLOCK) % SYNC_EVERY == 0) {
                            channel.force(false);
                        }
                        done.addAndGet(BLOCK);
                    }
                    for (long read = 0; read < channel.size() && !stopped; read += BLOCK) {
                        block.clear();
                        channel.read(block, read);
                    }
                }
            } finally {
                Files.deleteIfExists(file);
            }
        };
    }

    private Work net(InetSocketAddress server) {
        return () -> {
            try (SocketChannel channel = SocketChannel.open(server)) {
                synchronized (resources) {
                    resources.add(channel);
                }
                ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE);
                while (!stopped) {
                    message.clear();
                    while (message.hasRemaining()) {
                        channel.write(message);
                    }
                    message.clear();
                    while (message.hasRemaining()) {
                        if (channel.read(message) < 0) {
                            return;
                        }
                    }
                    done.incrementAndGet();
                }
            }
        };
    }

    /** Stops and joins every thread, closes the sockets and the server, and deletes the files. Safe to call twice. */
    @Override
    public void close() {
        stopped = true;
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (resources) {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // Closing anyway.
                }
            }
            resources.clear();
        }
        synchronized (files) {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    System.err.println("LoadGenerator: cannot delete " + file + ": " + e.getMessage());
                }
            }
        }
    }
}
