package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.config.ClusterConfigs;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A mapped producer's partition starts on a broker only from sequence 0. */
class SequenceStartGuardTest {
    private static final ClusterConfigs CLUSTERS = new ClusterConfigs(List.of(
            ClusterConfig.fromKeys("main", Map.of("bootstrap.servers", "main:9092")),
            ClusterConfig.fromKeys("failover", Map.of("bootstrap.servers", "failover:9092", "gateway.roles", "failover"))));
    private static final ProduceVerdict.Partition ORDERS_0 = new ProduceVerdict.Partition("orders", Uuid.ZERO_UUID, 0);
    private static final ProduceVerdict.Partition ORDERS_1 = new ProduceVerdict.Partition("orders", Uuid.ZERO_UUID, 1);

    private final ActiveCluster active = new ActiveCluster(CLUSTERS, "main");
    private final SequenceStartGuard guard = new SequenceStartGuard(active);

    @Test
    void aFirstBatchFromSequenceZeroStartsThePartitionAndLaterBatchesFollowIt() {
        UpstreamTarget broker = switchToFailover("failover-1:9092");

        assertThat(guard.check(List.of(mapped(7, ORDERS_0, 0)), broker).forward()).isTrue();
        assertThat(guard.check(List.of(mapped(7, ORDERS_0, 5)), broker).forward()).isTrue();
    }

    @Test
    void aFirstBatchFromAnyOtherSequenceRestartsJustThatPartition() {
        UpstreamTarget broker = switchToFailover("failover-1:9092");

        ProduceVerdict verdict = guard.check(List.of(mapped(7, ORDERS_0, 0), mapped(7, ORDERS_1, 42)), broker);

        assertThat(verdict.restart()).containsExactly(ORDERS_1);
        // Nothing of a refused request reaches the broker, so it started nothing: partition 0 still needs its 0.
        assertThat(guard.check(List.of(mapped(7, ORDERS_0, 5)), broker).restart()).containsExactly(ORDERS_0);
    }

    @Test
    void anotherBrokerOfTheSameClusterHasNotSeenTheStart() {
        UpstreamTarget first = switchToFailover("failover-1:9092");
        UpstreamTarget second = new UpstreamTarget(first.cluster(), first.generation(),
                List.of(InetSocketAddress.createUnresolved("failover-2", 9092)), "broker 2");

        guard.check(List.of(mapped(7, ORDERS_0, 0)), first);

        assertThat(guard.check(List.of(mapped(7, ORDERS_0, 3)), second).restart()).containsExactly(ORDERS_0);
    }

    @Test
    void idsTheClusterIssuedItselfAndOtherProducersAreTheirOwnBusiness() {
        UpstreamTarget broker = switchToFailover("failover-1:9092");
        guard.check(List.of(mapped(7, ORDERS_0, 0)), broker);

        assertThat(guard.check(List.of(new SequenceStartGuard.MappedBatch(8, false, ORDERS_0, 99)), broker).forward()).isTrue();
        assertThat(guard.check(List.of(mapped(9, ORDERS_0, 3)), broker).restart()).containsExactly(ORDERS_0);
    }

    @Test
    void everySwitchStartsAfresh() {
        UpstreamTarget broker = switchToFailover("failover-1:9092");
        guard.check(List.of(mapped(7, ORDERS_0, 0)), broker);

        active.switchTo("main");
        active.switchTo("failover");
        UpstreamTarget again = new UpstreamTarget(broker.cluster(), active.state().generation(), broker.candidates(), "broker 1");

        assertThat(guard.check(List.of(mapped(7, ORDERS_0, 5)), again).restart()).containsExactly(ORDERS_0);
    }

    @Test
    void aConnectionFromBeforeASwitchStartsNothingAfterIt() {
        UpstreamTarget before = switchToFailover("failover-1:9092");
        active.switchTo("main");
        active.switchTo("failover");
        UpstreamTarget after = new UpstreamTarget(before.cluster(), active.state().generation(), before.candidates(), "broker 1");

        guard.check(List.of(mapped(7, ORDERS_0, 0)), before);

        assertThat(guard.check(List.of(mapped(7, ORDERS_0, 5)), after).restart()).containsExactly(ORDERS_0);
    }

    private UpstreamTarget switchToFailover(String broker) {
        active.switchTo("failover");
        String[] hostPort = broker.split(":");
        return new UpstreamTarget(CLUSTERS.get("failover").orElseThrow(), active.state().generation(),
                List.of(InetSocketAddress.createUnresolved(hostPort[0], Integer.parseInt(hostPort[1]))), "broker 1");
    }

    private static SequenceStartGuard.MappedBatch mapped(long producerId, ProduceVerdict.Partition partition, int baseSequence) {
        return new SequenceStartGuard.MappedBatch(producerId, true, partition, baseSequence);
    }
}
