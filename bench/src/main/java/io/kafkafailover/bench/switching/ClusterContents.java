package io.kafkafailover.bench.switching;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which record sits at which partition and offset of one cluster's topic, read directly from the
 * brokers: the ground truth that tells which cluster an acknowledgement came from.
 */
final class ClusterContents {
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private record Position(int partition, long offset) {
    }

    /** Producer and sequence number of a record. */
    record Origin(long producer, long sequence) {
    }

    private final Map<Position, Origin> records;

    private ClusterContents(Map<Position, Origin> records) {
        this.records = records;
    }

    static ClusterContents read(String bootstrapServers, String topic) {
        Map<Position, Origin> records = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-switch-verifier",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " back within " + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.value().length == SwitchProducers.VALUE_SIZE) {
                        records.put(new Position(record.partition(), record.offset()),
                                new Origin(SwitchProducers.producerOf(record.value()), SwitchProducers.sequenceOf(record.value())));
                    }
                }
            }
        }
        return new ClusterContents(records);
    }

    /** Whether this cluster holds exactly this record at this partition and offset. */
    boolean holds(int partition, long offset, long producer, long sequence) {
        return new Origin(producer, sequence).equals(records.get(new Position(partition, offset)));
    }

    int size() {
        return records.size();
    }
}
