package io.kafkafailover.gateway.testing;

import io.kafkafailover.gateway.proxy.RequestCodec;
import io.kafkafailover.gateway.proxy.ResponseCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A bare Kafka protocol connection, for what no well-behaved client would send. */
public final class RawKafkaConnection implements AutoCloseable {
    private final Socket socket = new Socket();
    private final DataInputStream in;
    private int correlationId;

    public RawKafkaConnection(String host, int port) throws IOException {
        this(host, port, 0);
    }

    /** @param receiveBufferBytes the socket's receive buffer, so that it fills soon; 0 leaves it to the system */
    public RawKafkaConnection(String host, int port, int receiveBufferBytes) throws IOException {
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes); // before connecting: it sets the window offered
        }
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(15_000);
        in = new DataInputStream(socket.getInputStream());
    }

    public void send(ApiKeys api, short version, ApiMessage body) throws IOException {
        ByteBuf frame = RequestCodec.encode(UnpooledByteBufAllocator.DEFAULT, api, version, ++correlationId, "raw-test-client", body);
        try {
            byte[] bytes = new byte[frame.readableBytes()];
            frame.readBytes(bytes);
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } finally {
            frame.release();
        }
    }

    public <T extends ApiMessage> T receive(ApiKeys api, short version, Class<T> type) throws IOException {
        int size = in.readInt();
        byte[] frame = new byte[4 + size];
        in.readFully(frame, 4, size);
        ByteBuf buffer = Unpooled.wrappedBuffer(frame).setInt(0, size);
        try {
            return type.cast(ResponseCodec.decode(buffer, api, version).body());
        } finally {
            buffer.release();
        }
    }

    /** Reads only the next response's size prefix: the response has begun to arrive, and its rest is left unread. */
    public int receiveSizeOnly() throws IOException {
        return in.readInt();
    }

    /** True when the other side closed the connection (rather than staying silent). */
    public boolean closedByPeer() throws IOException {
        try {
            return in.read() == -1;
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
