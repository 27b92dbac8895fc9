package io.isobench.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** One request/response exchange on a blocking channel: the round trip every stream benchmark measures. */
final class Messages {

    private Messages() {
    }

    static ByteBuffer request(int size) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(size);
        for (int i = 0; i < size; i++) {
            buffer.put((byte) i);
        }
        return buffer.clear();
    }

    /** Sends {@code request} whole and reads back as many bytes into {@code response}. */
    static int roundTrip(SocketChannel channel, ByteBuffer request, ByteBuffer response) {
        try {
            request.clear();
            while (request.hasRemaining()) {
                channel.write(request);
            }
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
