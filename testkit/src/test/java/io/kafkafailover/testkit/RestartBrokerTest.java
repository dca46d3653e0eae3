package io.kafkafailover.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;

class RestartBrokerTest {

    @Test
    void aRestartedBrokerKeepsItsDataAndAddress() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.builder().name("restart").brokerIds(21, 22).start()) {
            // One replica, on broker 22 only: what survives its restart can only come from its own log dir.
            cluster.admin().createTopics(List.of(new NewTopic("on-22", Map.of(0, List.of(22)))))
                    .all().get(10, TimeUnit.SECONDS);
            List<String> sent = Records.values("kept", 10);
            Records.produce(cluster.adminClientProperties(), "on-22", sent);
            InetSocketAddress addressBefore = cluster.brokerAddresses().get(22);

            cluster.stopBroker(22);
            assertThat(cluster.isBrokerRunning(22)).isFalse();
            assertThat(aliveBrokerIds(cluster)).containsExactly(21);

            cluster.restartBroker(22);
            assertThat(aliveBrokerIds(cluster)).containsExactlyInAnyOrder(21, 22);
            assertThat(cluster.brokerAddresses().get(22)).isEqualTo(addressBefore);
            assertThat(Records.consume(cluster.adminClientProperties(), "on-22", sent.size()))
                    .containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    @Test
    void aRollingRestartKeepsReplicatedTopicsAvailable() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.builder().name("rolling").brokerIds(31, 32, 33).start()) {
            List<String> sent = Records.values("before", 10);
            Records.produce(cluster.adminClientProperties(), "rolled", sent);

            for (int id : cluster.brokerIds()) {
                cluster.restartBroker(id);
                List<String> during = Records.values("after-" + id, 3);
                Records.produce(cluster.adminClientProperties(), "rolled", during);
                sent = concat(sent, during);
            }

            assertThat(Records.consume(cluster.adminClientProperties(), "rolled", sent.size()))
                    .containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    @Test
    void theOnlyBrokerOfAClusterCanBeRestartedToo() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.builder().name("single").brokerIds(5).start()) {
            List<String> sent = Records.values("single", 5);
            Records.produce(cluster.adminClientProperties(), "single", sent);

            cluster.stopBroker(5);
            cluster.restartBroker(5);

            assertThat(aliveBrokerIds(cluster)).containsExactly(5);
            assertThat(Records.consume(cluster.adminClientProperties(), "single", sent.size()))
                    .containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    @Test
    void closeIsIdempotentAndDeletesTheData() {
        KafkaCluster cluster = KafkaCluster.builder().name("closing").start();
        String clusterId = cluster.clusterId();

        cluster.close();
        cluster.close();

        assertThat(clusterId).isNotBlank();
        assertThat(Optional.ofNullable(System.getProperty("java.io.tmpdir")))
                .map(dir -> java.nio.file.Path.of(dir).toFile().list((d, name) -> name.startsWith("kafka-closing-")))
                .hasValueSatisfying(left -> assertThat(left).isEmpty());
    }

    private static List<Integer> aliveBrokerIds(KafkaCluster cluster) throws Exception {
        return cluster.admin().describeCluster().nodes().get(10, TimeUnit.SECONDS).stream().map(Node::id).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
