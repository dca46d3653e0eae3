package io.kafkafailover.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run of consecutive free loopback ports for a demo gateway under test, so that the test never
 * collides with a demo someone is running on 6969. It looks below Linux's ephemeral range, where
 * the ports Kafka and clients pick for themselves cannot land.
 */
final class FreePortRun {
    private FreePortRun() {
    }

    static int start(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = ThreadLocalRandom.current().nextInt(20000, 32000 - count);
            if (allFree(start, count)) {
                return start;
            }
        }
        throw new IllegalStateException("no run of " + count + " free loopback ports");
    }

    private static boolean allFree(int start, int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int port = start; port < start + count; port++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
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
