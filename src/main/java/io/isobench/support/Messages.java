package io.isobench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** One request/response exchange on a blocking channel: the round trip every stream benchmark measures, loopback or peer. */
public final class Messages {

    private Messages() {
    }

    public static ByteBuffer request(int size) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(size);
        for (int i = 0; i < size; i++) {
            buffer.put((byte) i);
        }
        return buffer.clear();
    }

    /** Writes what remains of {@code buffer}, all of it; returns how many bytes that was. */
    public static int writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        int written = 0;
        while (buffer.hasRemaining()) {
            written += channel.write(buffer);
        }
        return written;
    }

    /** Sends the whole of {@code chunk} one way, counted into {@code bandwidth}; returns the bytes sent. */
    public static int send(SocketChannel channel, ByteBuffer chunk, Bandwidth bandwidth) throws IOException {
        chunk.clear();
        int sent = writeFully(channel, chunk);
        bandwidth.mebibytes += sent / (1024.0 * 1024.0);
        return sent;
    }

    /** Sends {@code request} whole and reads back as many bytes into {@code response}. */
    public static int roundTrip(SocketChannel channel, ByteBuffer request, ByteBuffer response) {
        try {
            request.clear();
            writeFully(channel, request);
            response.clear();
            while (response.hasRemaining()) {
                if (channel.read(response) < 0) {
                    throw new IOException("echo peer closed the connection");
                }
            }
            return response.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
