package io.kafkafailover.gateway.failover;

import io.kafkafailover.testkit.KafkaCluster;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Log-end offsets, a group's committed offsets and members, asked of a cluster directly (never through the gateway). */
final class ClusterState {
    private ClusterState() {
    }

    static Map<TopicPartition, Long> end(KafkaCluster cluster, Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        cluster.admin().listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> end.put(partition, info.offset()));
        return end;
    }

    static Map<TopicPartition, Long> committed(KafkaCluster cluster, String group) throws Exception {
        return of(cluster.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS));
    }

    static Map<TopicPartition, Long> of(Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((partition, offset) -> offsets.put(partition, offset.offset()));
        return offsets;
    }

    /** The client ids of the group's members on this cluster. */
    static Set<String> memberClientIds(KafkaCluster cluster, String group) throws Exception {
        return cluster.admin().describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group)
                .members().stream().map(MemberDescription::clientId).collect(Collectors.toSet());
    }

    static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
