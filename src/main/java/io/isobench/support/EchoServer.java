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
 * threads and their buffers are pooled, so that a new connection costs no thread start and no 64 KiB buffer's first-touch
 * page faults. A client of a {@code CHOSEN_BY_CLIENT} server that opens a connection per request (the peer's connect
 * benchmark) asks with {@link #CONNECT_MODE} to be served by the accepting thread itself: handing the connection to
 * another thread costs a wake-up of that thread, on another CPU, which would be most of what a connection costs.
 * Used in-process by the benchmarks and, as {@code io.isobench.network.EchoPeer}, as the external peer. {@link #close()} closes
 * every socket and joins every thread, so nothing outlives it.
 */
public final class EchoServer implements AutoCloseable {

    /**
     * What the server does with the bytes it reads. {@code ECHO_INLINE} answers one request on the accepting thread:
     * one read, its echo, and the server's close (a connection per request, as netperf's TCP_CRR makes them).
     * {@code CHOSEN_BY_CLIENT} (the external peer's): the connection's
     * first byte is {@link #ECHO_MODE}, {@link #DISCARD_MODE} or {@link #CONNECT_MODE} (echo inline), and what follows
     * it is echoed or discarded.
     */
    public enum Behaviour { ECHO, DISCARD, ECHO_INLINE, ACCEPT_AND_CLOSE, CHOSEN_BY_CLIENT }

    /** The first byte a client of a {@code CHOSEN_BY_CLIENT} server sends to have the rest echoed ... */
    public static final byte ECHO_MODE = 'E';
    /** ... or discarded ... */
    public static final byte DISCARD_MODE = 'D';
    /**
     * ... or answered once by the thread that accepted the connection ({@code ECHO_INLINE}): one read, its echo, close.
     * The server closes first; a client that then closes with SO_LINGER 0 leaves no TIME_WAIT socket on either side.
     */
    public static final byte CONNECT_MODE = 'C';
    /** How long the accepting thread waits for a client's mode byte before it leaves the reading to a handler. */
    private static final int MODE_WAIT_MILLIS = 1000;

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
            Behaviour mode = behaviour == Behaviour.CHOSEN_BY_CLIENT ? chosenMode(connection) : behaviour;
            if (mode == null) {
                continue; // the client closed before it chose
            }
            if (mode == Behaviour.ECHO_INLINE) {
                answerOnce(connection);
                continue;
            }
            try {
                handlers.execute(() -> serve(connection, mode));
            } catch (RejectedExecutionException e) {
                closeQuietly(connection); // closing
                connections.remove(connection);
            }
        }
    }

    /**
     * Reads a {@code CHOSEN_BY_CLIENT} client's mode byte on the accepting thread: ECHO, DISCARD, ECHO_INLINE (for
     * {@link #CONNECT_MODE}), CHOSEN_BY_CLIENT when the client has sent nothing within
     * {@value #MODE_WAIT_MILLIS} ms (its handler reads the byte when it comes), or null when the connection ended.
     */
    private Behaviour chosenMode(SocketChannel connection) {
        try {
            connection.socket().setSoTimeout(MODE_WAIT_MILLIS);
            int mode = connection.socket().getInputStream().read();
            if (mode < 0) {
                closeQuietly(connection);
                connections.remove(connection);
                return null;
            }
            return mode == CONNECT_MODE ? Behaviour.ECHO_INLINE
                    : mode == DISCARD_MODE ? Behaviour.DISCARD : Behaviour.ECHO;
        } catch (java.net.SocketTimeoutException | UnsupportedOperationException e) {
            return Behaviour.CHOSEN_BY_CLIENT; // slow to choose, or a Unix socket (no timeouts): the handler reads it
        } catch (IOException e) {
            closeQuietly(connection);
            connections.remove(connection);
            return null;
        }
    }

    /**
     * One read, its echo and close, on the calling (accepting) thread: no other thread wakes up for the connection, and
     * the server does not wait for the client's close before it accepts the next.
     */
    private void answerOnce(SocketChannel connection) {
        ByteBuffer buffer = buffers.get();
        try {
            buffer.clear();
            if (connection.read(buffer) > 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    connection.write(buffer);
                }
            }
        } catch (IOException e) {
            // The client went away: the connection ends either way.
        } finally {
            closeQuietly(connection);
            connections.remove(connection);
        }
    }

    private void serve(SocketChannel connection, Behaviour chosen) {
        ByteBuffer buffer = buffers.get();
        try {
            if (connection.getRemoteAddress() instanceof InetSocketAddress) {
                connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            Behaviour mode = chosen;
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
