package io.kafkafailover.gateway.failover;

import io.kafkafailover.testkit.KafkaCluster;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for MirrorMaker 2 with IdentityReplicationPolicy and sync.group.offsets.enabled: copies
 * records to the same partition of the same-named topic on the target, so that offsets line up, and
 * copies a group's committed offsets while the group has no members on the target. Like MM2, it
 * talks to both clusters directly, never through the gateway.
 */
final class Replicator {
    private final KafkaCluster source;
    private final KafkaCluster target;

    Replicator(KafkaCluster source, KafkaCluster target) {
        this.source = source;
        this.target = target;
    }

    /** Copies the records the target lacks and checks that both ends now have the same offsets. */
    int copyRecords(String topic) throws Exception {
        int copied = 0;
        Map<String, Object> producerProperties = new HashMap<>(target.adminClientProperties());
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(source.adminClientProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> writer = new KafkaProducer<>(producerProperties,
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> sourceEnd = ClusterState.end(source, partitions);
            Map<TopicPartition, Long> targetEnd = ClusterState.end(target, partitions);
            reader.assign(partitions);
            targetEnd.forEach(reader::seek);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> reader.position(p) < sourceEnd.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " from " + source.name());
                }
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    writer.send(new ProducerRecord<>(topic, record.partition(), record.timestamp(), record.key(),
                            record.value(), record.headers()));
                    copied++;
                }
            }
            writer.flush();
            Map<TopicPartition, Long> copiedEnd = ClusterState.end(target, partitions);
            if (!copiedEnd.equals(sourceEnd)) {
                throw new AssertionError("offsets do not line up: " + source.name() + " " + sourceEnd + ", "
                        + target.name() + " " + copiedEnd);
            }
        }
        return copied;
    }

    /** Copies the group's committed offsets as they are now; returns what it wrote. */
    Map<TopicPartition, Long> syncGroupOffsets(String group) throws Exception {
        requireNoMembersOnTarget(group);
        Map<TopicPartition, OffsetAndMetadata> committed = source.admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        target.admin().alterConsumerGroupOffsets(group, committed).all().get(30, TimeUnit.SECONDS);
        return ClusterState.of(committed);
    }

    /** MM2 never overwrites the offsets of a group that is active on the target. */
    private void requireNoMembersOnTarget(String group) throws Exception {
        try {
            ConsumerGroupDescription description = target.admin().describeConsumerGroups(List.of(group))
                    .all().get(30, TimeUnit.SECONDS).get(group);
            if (!description.members().isEmpty()) {
                throw new AssertionError("group " + group + " already has members on " + target.name());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
    }
}
