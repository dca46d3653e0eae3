package io.kafkafailover.gateway.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a run of consecutive free ports for a gateway (bootstrap port plus broker ports). It looks
 * below Linux's ephemeral range so that the ports Kafka and clients pick for themselves cannot
 * collide with it.
 */
public final class PortRange {
    private PortRange() {
    }

    public static int freeStart(String host, int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = ThreadLocalRandom.current().nextInt(20000, 32000 - count);
            if (allFree(host, start, count)) {
                return start;
            }
        }
        throw new IllegalStateException("no run of " + count + " free ports on " + host);
    }

    private static boolean allFree(String host, int start, int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int port = start; port < start + count; port++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a socket that never accepted has nothing to lose
                }
            }
        }
    }
}
