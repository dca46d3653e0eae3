package io.kafkafailover.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class LoopbackConnectionsTest {

    private static final InetAddress SECOND_LOOPBACK = address(127, 0, 0, 2);
    private static final InetAddress THIRD_LOOPBACK = address(127, 0, 0, 3);

    @Test
    void parsesTheKernelsLittleEndianNotation() {
        assertThat(LoopbackConnections.socketAddress("0100007F:1F90"))
                .isEqualTo(new InetSocketAddress(address(127, 0, 0, 1), 8080));
        assertThat(LoopbackConnections.socketAddress("0000000000000000FFFF00000200007F:93E5"))
                .isEqualTo(new InetSocketAddress(address(127, 0, 0, 2), 0x93E5));
    }

    @Test
    void seesTheSourceAddressOfAConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, address(127, 0, 0, 1));
             Socket client = new Socket(server.getInetAddress(), server.getLocalPort(), SECOND_LOOPBACK, 0);
             Socket accepted = server.accept()) {

            List<LoopbackConnections.Connection> connections = LoopbackConnections.establishedTo(server.getLocalPort());

            assertThat(connections).containsExactly(new LoopbackConnections.Connection(
                    new InetSocketAddress(SECOND_LOOPBACK, client.getLocalPort()),
                    new InetSocketAddress(server.getInetAddress(), server.getLocalPort())));
            assertThat(accepted.getInetAddress()).isEqualTo(SECOND_LOOPBACK);
        }
    }

    @Test
    void seesKafkaClientsAndOtherSourcesOnBrokerClientPorts() throws Exception {
        KafkaCluster cluster = SharedKafkaClusters.failover();
        InetSocketAddress broker = cluster.brokerAddresses().get(101);
        try (Admin admin = Admin.create(cluster.adminClientProperties());
             Socket fromThirdLoopback = new Socket(broker.getAddress(), broker.getPort(), THIRD_LOOPBACK, 0)) {
            admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);

            assertThat(LoopbackConnections.sourceAddressesTo(cluster))
                    .contains(address(127, 0, 0, 1), THIRD_LOOPBACK);
            assertThat(LoopbackConnections.establishedTo(cluster))
                    .contains(new LoopbackConnections.Connection(
                            new InetSocketAddress(THIRD_LOOPBACK, fromThirdLoopback.getLocalPort()), broker))
                    .allSatisfy(connection -> assertThat(cluster.brokerAddresses()).containsValue(connection.remote()));
        }
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
