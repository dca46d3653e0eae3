package io.kafkafailover.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run of consecutive ports free on every given address, for a gateway under test (its bootstrap
 * port and broker ports), or for several gateways standing in for pods on different loopback
 * addresses with the same ports. It looks below Linux's ephemeral range, where the ports Kafka and
 * clients pick for themselves cannot land.
 */
public final class FreePortRange {
    private FreePortRange() {
    }

    /** The first of {@code count} consecutive ports that are free on all of {@code hosts} right now. */
    public static int start(List<String> hosts, int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = ThreadLocalRandom.current().nextInt(20000, 32000 - count);
            if (hosts.stream().allMatch(host -> allFree(host, start, count))) {
                return start;
            }
        }
        throw new IllegalStateException("no run of " + count + " ports free on all of " + hosts);
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
