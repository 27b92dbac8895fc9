package io.isobench.network;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;

/**
 * UDP request/response on loopback against an in-process echo thread; no connection state, so it shows the
 * datagram path alone. A lost datagram fails the benchmark after one second instead of hanging it.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class UdpRoundTripBenchmark {

    private static final int TIMEOUT_MILLIS = 1_000;

    @Param({"1", "1024"})
    public int size;

    private DatagramSocket serverSocket;
    private Thread echo;
    private DatagramSocket client;
    private DatagramPacket request;
    private DatagramPacket response;

    @Setup
    public void setup() throws IOException {
        try {
            serverSocket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            echo = new Thread(this::echoLoop, "isobench-udp-echo");
            echo.start();
            client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            client.setSoTimeout(TIMEOUT_MILLIS);
            client.connect(serverSocket.getLocalSocketAddress());
            request = new DatagramPacket(new byte[size], size);
            response = new DatagramPacket(new byte[size], size);
        } catch (IOException | RuntimeException e) {
            try {
                tearDown(); // JMH runs no @TearDown after a failed @Setup
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    private void echoLoop() {
        byte[] buffer = new byte[64 * 1024];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (true) {
                packet.setLength(buffer.length);
                serverSocket.receive(packet);
                serverSocket.send(packet);
            }
        } catch (SocketException e) {
            // Closed by tearDown.
        } catch (IOException e) {
            throw new IllegalStateException("UDP echo failed", e);
        }
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (serverSocket != null) {
            serverSocket.close();
        }
        if (echo != null) {
            echo.join(5_000);
        }
    }

    @Benchmark
    public int roundTrip() throws IOException {
        client.send(request);
        response.setLength(size);
        client.receive(response);
        return response.getLength();
    }
}
