package io.isobench.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A blocking stream server with one thread per open connection that either echoes what it reads or discards it. The
 * threads and their buffers are pooled, so that a connection per request (the peer's connect benchmark) measures the
 * connection, not a thread start and a 64 KiB buffer's first-touch page faults.
 * Used in-process by the benchmarks and, as {@code io.isobench.network.EchoPeer}, as the external peer. {@link #close()} closes
 * every socket and joins every thread, so nothing outlives it.
 */
public final class EchoServer implements AutoCloseable {

    /**
     * What the server does with the bytes it reads. {@code CHOSEN_BY_CLIENT} (the external peer's): the connection's
     * first byte is {@link #ECHO_MODE} or {@link #DISCARD_MODE}, and what follows it is echoed or discarded.
     */
    public enum Behaviour { ECHO, DISCARD, ACCEPT_AND_CLOSE, CHOSEN_BY_CLIENT }

    /** The first byte a client of a {@code CHOSEN_BY_CLIENT} server sends to have the rest echoed ... */
    public static final byte ECHO_MODE = 'E';
    /** ... or discarded. */
    public static final byte DISCARD_MODE = 'D';

    private final ServerSocketChannel server;
    private final Behaviour behaviour;
    private final Path unixSocket;
    private final Thread acceptor;
    /** Open connections; each removes itself when it ends. */
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    /** Every connection thread ever started, so that closing can wait until each has ended. */
    private final Set<Thread> handlerThreads = ConcurrentHashMap.newKeySet();
    /** Connection threads, reused; idle ones end after a minute. */
    private final ExecutorService handlers = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger started = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "isobench-echo-" + started.getAndIncrement());
            handlerThreads.removeIf(t -> !t.isAlive() && t.getState() == Thread.State.TERMINATED);
            handlerThreads.add(thread);
            return thread;
        }
    });
    /** Each connection thread's buffer, kept with the thread. */
    private final ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(64 * 1024));
    private volatile boolean closed;

    private EchoServer(ServerSocketChannel server, Behaviour behaviour, Path unixSocket) {
        this.server = server;
        this.behaviour = behaviour;
        this.unixSocket = unixSocket;
        this.acceptor = new Thread(this::acceptLoop, "isobench-echo-acceptor");
        this.acceptor.start();
    }

    public static EchoServer tcp(InetSocketAddress bind, Behaviour behaviour) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(bind, 1024);
        return new EchoServer(server, behaviour, null);
    }

    public static EchoServer unix(Path socketFile, Behaviour behaviour) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socketFile), 1024);
        return new EchoServer(server, behaviour, socketFile);
    }

    public SocketAddress address() throws IOException {
        return server.getLocalAddress();
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel connection;
            try {
                connection = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (behaviour == Behaviour.ACCEPT_AND_CLOSE) {
                closeQuietly(connection);
                continue;
            }
            connections.add(connection);
            try {
                handlers.execute(() -> serve(connection));
            } catch (RejectedExecutionException e) {
                closeQuietly(connection); // closing
                connections.remove(connection);
            }
        }
    }

    private void serve(SocketChannel connection) {
        ByteBuffer buffer = buffers.get();
        try {
            if (connection.getRemoteAddress() instanceof InetSocketAddress) {
                connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            Behaviour mode = behaviour;
            while (true) {
                buffer.clear();
                if (connection.read(buffer) < 0) {
                    return;
                }
                buffer.flip();
                if (mode == Behaviour.CHOSEN_BY_CLIENT) {
                    mode = buffer.get() == DISCARD_MODE ? Behaviour.DISCARD : Behaviour.ECHO;
                }
                if (mode == Behaviour.ECHO) {
                    while (buffer.hasRemaining()) {
                        connection.write(buffer);
                    }
                }
            }
        } catch (IOException e) {
            // The peer went away or the server is closing: either ends this connection.
        } finally {
            closeQuietly(connection);
            connections.remove(connection);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (SocketChannel connection : connections) {
            closeQuietly(connection);
        }
        handlers.shutdown();
        try {
            acceptor.join(5_000);
            handlers.awaitTermination(5, TimeUnit.SECONDS);
            for (Thread thread : handlerThreads) {
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (unixSocket != null) {
            Files.deleteIfExists(unixSocket);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing is best effort; the socket is gone either way.
        }
    }
}
