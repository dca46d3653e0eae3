package io.kafkafailover.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;

class SharedKafkaClustersTest {

    @Test
    void mainAndFailoverRunSideBySideWithTheirOwnBrokerIds() throws Exception {
        KafkaCluster main = SharedKafkaClusters.main();
        KafkaCluster failover = SharedKafkaClusters.failover();

        assertThat(SharedKafkaClusters.main()).isSameAs(main);
        assertThat(SharedKafkaClusters.failover()).isSameAs(failover);
        assertThat(brokerIdsSeenBy(main.admin())).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(brokerIdsSeenBy(failover.admin())).containsExactlyInAnyOrder(101, 102);
        assertThat(main.admin().describeCluster().clusterId().get(10, TimeUnit.SECONDS)).isEqualTo(main.clusterId());
        assertThat(failover.clusterId()).isNotEqualTo(main.clusterId());
        assertThat(main.brokerAddresses().keySet()).containsExactly(1, 2, 3);
        assertThat(failover.brokerAddresses().keySet()).containsExactly(101, 102);
    }

    @Test
    void clientsProduceAndConsumeOnBothClusters() throws Exception {
        for (KafkaCluster cluster : List.of(SharedKafkaClusters.main(), SharedKafkaClusters.failover())) {
            List<String> sent = Records.values(cluster.name(), 20);
            Records.produce(cluster.adminClientProperties(), "shared-round-trip", sent);

            List<String> received = Records.consume(cluster.adminClientProperties(), "shared-round-trip", sent.size());

            assertThat(received).as(cluster.name()).containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    @Test
    void defaultsGiveInternalAndNewTopicsAReplicaOnUpToThreeBrokers() throws Exception {
        KafkaCluster main = SharedKafkaClusters.main();
        Records.produce(main.adminClientProperties(), "shared-defaults", List.of("x"));

        var description = main.admin().describeTopics(List.of("shared-defaults")).allTopicNames()
                .get(10, TimeUnit.SECONDS).get("shared-defaults");

        assertThat(description.partitions()).hasSize(3)
                .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
    }

    private static List<Integer> brokerIdsSeenBy(Admin admin) throws Exception {
        return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream().map(Node::id).toList();
    }
}
