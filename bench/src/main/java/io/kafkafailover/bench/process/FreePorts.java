package io.kafkafailover.bench.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports that are free right now; the gateway needs a contiguous range of them. */
final class FreePorts {
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 60_000;
    private static final int ATTEMPTS = 200;

    private FreePorts() {
    }

    static int one() {
        return contiguous(1);
    }

    static int contiguous(int count) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int start = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - count);
            if (allFree(start, count)) {
                return start;
            }
        }
        throw new IllegalStateException("No " + count + " contiguous free loopback ports");
    }

    private static boolean allFree(int start, int count) {
        for (int port = start; port < start + count; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
