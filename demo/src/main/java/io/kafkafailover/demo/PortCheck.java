package io.kafkafailover.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Fails fast when a port the demo gateway needs is taken, before half a minute goes into starting
 * Kafka clusters that would then have to be stopped again.
 */
final class PortCheck {
    private PortCheck() {
    }

    /** @throws UncheckedIOException caused by the {@link java.net.BindException} of the first port in use */
    static void requireFree(String host, List<Integer> ports) {
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            } catch (IOException e) {
                throw new UncheckedIOException("port " + port + " on " + host + " is in use", e);
            }
        }
    }
}
