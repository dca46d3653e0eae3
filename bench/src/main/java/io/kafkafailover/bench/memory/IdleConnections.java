package io.kafkafailover.bench.memory;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.RequestHeader;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Client connections that did what every Kafka client does first (ApiVersions, answered through the
 * gateway by the backend) and then sit idle, as the connections of quiet applications do.
 * Raw sockets rather than a thousand KafkaProducers: the harness would otherwise need a thousand
 * client threads, and only the gateway's side of the connections is being measured.
 */
public final class IdleConnections implements AutoCloseable {
    private static final short API_VERSIONS_VERSION = 3;
    private static final int TIMEOUT_MILLIS = 30_000;

    private final List<Socket> sockets = new ArrayList<>();

    private IdleConnections() {
    }

    public static IdleConnections open(String host, int port, int count) {
        IdleConnections connections = new IdleConnections();
        try {
            for (int i = 0; i < count; i++) {
                connections.sockets.add(handshake(host, port, i));
            }
            return connections;
        } catch (IOException | RuntimeException e) {
            connections.close();
            throw new IllegalStateException("Opened " + connections.sockets.size() + " of " + count
                    + " idle connections to " + host + ":" + port, e);
        }
    }

    private static Socket handshake(String host, int port, int index) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            RequestHeader header = new RequestHeader(ApiKeys.API_VERSIONS, API_VERSIONS_VERSION, "bench-idle-" + index, index);
            ByteBuffer request = new ApiVersionsRequest.Builder().build(API_VERSIONS_VERSION).serializeWithHeader(header);
            byte[] frame = ByteBuffer.allocate(Integer.BYTES + request.remaining()).putInt(request.remaining()).put(request).array();
            socket.getOutputStream().write(frame);
            socket.getOutputStream().flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] response = new byte[in.readInt()];
            in.readFully(response);
            ApiVersionsResponse answer = (ApiVersionsResponse) AbstractResponse.parseResponse(ByteBuffer.wrap(response), header);
            if (answer.data().errorCode() != Errors.NONE.code()) {
                throw new IllegalStateException("ApiVersions through the gateway failed: " + Errors.forCode(answer.data().errorCode()));
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Connections that the gateway has not closed: a read that would block means still open. */
    public int stillOpen() {
        int open = 0;
        for (Socket socket : sockets) {
            try {
                socket.setSoTimeout(1);
                if (socket.getInputStream().read() != -1) {
                    open++; // unexpected data, but the connection is there
                }
            } catch (java.net.SocketTimeoutException e) {
                open++;
            } catch (IOException e) {
                // closed or reset by the gateway
            }
        }
        return open;
    }

    public int size() {
        return sockets.size();
    }

    @Override
    public void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        sockets.clear();
    }
}
