package io.kafkafailover.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks loopback ports that are free right now.
 *
 * <p>A KRaft node's listener ports must be known before it starts (they go into the quorum voters
 * and the advertised listeners) and cannot be read back from {@code KafkaRaftServer}, so they are
 * chosen up front. Another process may still take one before Kafka binds it: callers retry.
 */
final class FreePorts {

    private FreePorts() {
    }

    static List<Integer> pick(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            // Hold every socket until all are chosen, so one call never returns the same port twice.
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(NodeConfigs.LOOPBACK));
                held.add(socket);
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that never accepted cannot lose anything
                }
            }
        }
    }
}
