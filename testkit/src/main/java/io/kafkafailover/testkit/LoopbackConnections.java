package io.kafkafailover.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The TCP connections this machine has open right now, read from Linux's {@code /proc/net/tcp}
 * and {@code /proc/net/tcp6}. Tests use it to prove who talks to a broker: a connection to a
 * broker's client port shows up with its source address, for instance the address a gateway binds
 * its backend connections to.
 */
public final class LoopbackConnections {

    private static final Path TCP4 = Path.of("/proc/net/tcp");
    private static final Path TCP6 = Path.of("/proc/net/tcp6");
    /** The kernel's TCP_ESTABLISHED, as printed in the {@code st} column. */
    private static final String ESTABLISHED = "01";

    /**
     * An open connection seen from its client side.
     *
     * @param local  the source address and port (the client's end)
     * @param remote the address and port it is connected to
     */
    public record Connection(InetSocketAddress local, InetSocketAddress remote) {
    }

    private LoopbackConnections() {
    }

    /** ESTABLISHED connections whose remote port is one of {@code remotePorts}. */
    public static List<Connection> establishedTo(Collection<Integer> remotePorts) {
        Set<Integer> ports = Set.copyOf(remotePorts);
        List<Connection> connections = new ArrayList<>();
        for (Path table : List.of(TCP4, TCP6)) {
            if (Files.isReadable(table)) {
                for (Connection connection : readEstablished(table)) {
                    if (ports.contains(connection.remote().getPort())) {
                        connections.add(connection);
                    }
                }
            }
        }
        return connections;
    }

    public static List<Connection> establishedTo(int... remotePorts) {
        return establishedTo(java.util.Arrays.stream(remotePorts).boxed().toList());
    }

    /** ESTABLISHED connections to any client listener of {@code cluster}. */
    public static List<Connection> establishedTo(KafkaCluster cluster) {
        return establishedTo(cluster.brokerAddresses().values().stream().map(InetSocketAddress::getPort).toList());
    }

    /** The distinct source addresses of {@link #establishedTo(Collection)}. */
    public static Set<InetAddress> sourceAddressesTo(Collection<Integer> remotePorts) {
        return establishedTo(remotePorts).stream().map(connection -> connection.local().getAddress())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The distinct source addresses of every connection to a client listener of {@code cluster}. */
    public static Set<InetAddress> sourceAddressesTo(KafkaCluster cluster) {
        return establishedTo(cluster).stream().map(connection -> connection.local().getAddress())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static List<Connection> readEstablished(Path table) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + table, e);
        }
        List<Connection> connections = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) { // the first line is the column header
            String[] columns = line.trim().split("\\s+");
            if (columns.length > 3 && columns[3].equals(ESTABLISHED)) {
                connections.add(new Connection(socketAddress(columns[1]), socketAddress(columns[2])));
            }
        }
        return connections;
    }

    /** Parses {@code ADDRESS:PORT} as the kernel prints it, e.g. {@code 0100007F:1F90} for 127.0.0.1:8080. */
    static InetSocketAddress socketAddress(String column) {
        int colon = column.indexOf(':');
        String address = column.substring(0, colon);
        int port = Integer.parseInt(column.substring(colon + 1), 16);
        return new InetSocketAddress(inetAddress(address), port);
    }

    /**
     * The kernel prints an address as 32-bit words in the machine's byte order, so on little-endian
     * machines the bytes of each word appear reversed (127.0.0.1 is {@code 0100007F}).
     */
    private static InetAddress inetAddress(String hex) {
        ByteBuffer bytes = ByteBuffer.allocate(hex.length() / 2);
        for (int word = 0; word < hex.length(); word += 8) {
            int value = Integer.parseUnsignedInt(hex.substring(word, word + 8), 16);
            bytes.put(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
        }
        try {
            // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) comes back as the plain IPv4 address.
            return InetAddress.getByAddress(bytes.array());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an address: " + hex, e);
        }
    }
}
