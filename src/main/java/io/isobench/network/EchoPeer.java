package io.isobench.network;

import io.isobench.support.EchoServer;
import io.isobench.support.JsonHttpService;
import io.isobench.support.UdpEcho;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The external peer of the {@code Peer*Benchmark}s: on one port number a TCP server whose clients choose echo, discard or
 * echo on the accepting thread (a connection per request) with their first byte, and a UDP echo, running until killed.
 * {@code java -cp benchmarks.jar io.isobench.network.EchoPeer --port N [--bind ADDR]}; binds to loopback unless told
 * otherwise, and prints {@code EchoPeer listening on ADDR:PORT} once it accepts connections and datagrams. With
 * {@code --http} it serves {@link JsonHttpService} on that port instead (the inbound peer of
 * {@link io.isobench.app.HttpServiceBenchmark}; the launcher starts it as it starts the echo, see
 * {@link io.isobench.support.InboundService}).
 */
@Command(name = "EchoPeer", mixinStandardHelpOptions = true,
        description = "TCP and UDP echo peer for isobench's Peer*Benchmarks.")
public final class EchoPeer implements Callable<Integer> {

    /** The line printed once the peer accepts connections; launchers wait for it. */
    public static final String READY = "EchoPeer listening on ";

    @Option(names = "--port", required = true, description = "TCP port to listen on (0: any free port).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--http", description = "Serve JSON over HTTP/1.1 (POST " + JsonHttpService.PATH + ") instead of the echo.")
    boolean http;

    @Option(names = "--exit-on-stdin-eof", description = "Exit when standard input closes (the launcher that started it is gone).")
    boolean exitOnStdinEof;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(new CommandLine(this), "port out of range: " + port);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        InetSocketAddress address = http ? serveHttp(stopped) : serveEcho(stopped);
        System.out.println(READY + address.getHostString() + ":" + address.getPort());
        System.out.flush();
        if (exitOnStdinEof) {
            Thread watcher = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // Ignore input; wait for end of file.
                    }
                } catch (IOException ignored) {
                    // Same as end of file.
                }
                System.exit(0);
            }, "isobench-stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
        return 0;
    }

    /** TCP echo and UDP echo on one port number, closed (their threads joined) at exit. */
    private InetSocketAddress serveEcho(CountDownLatch stopped) throws IOException {
        EchoServer server = null;
        UdpEcho udp = null;
        for (int attempt = 0; udp == null; attempt++) {
            server = EchoServer.tcp(new InetSocketAddress(bind, port), EchoServer.Behaviour.CHOSEN_BY_CLIENT);
            try {
                udp = UdpEcho.bind(new InetSocketAddress(bind, ((InetSocketAddress) server.address()).getPort()));
            } catch (IOException e) {
                server.close(); // the port number is taken for UDP: with --port 0 try another one
                if (port != 0 || attempt == 9) {
                    throw e;
                }
            }
        }
        EchoServer tcp = server;
        UdpEcho datagrams = udp;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (tcp; datagrams) {
                // Both closed, their threads joined.
            } catch (IOException ignored) {
                // Exiting anyway.
            }
            stopped.countDown();
        }));
        return (InetSocketAddress) server.address();
    }

    /** The JSON service, stopped at exit. */
    private InetSocketAddress serveHttp(CountDownLatch stopped) throws IOException {
        JsonHttpService service = JsonHttpService.start(new InetSocketAddress(bind, port));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }));
        return service.address();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EchoPeer()).execute(args));
    }
}
