package io.kafkafailover.gateway.failover;

import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything a consumer group was given, by any member, and what its members consumed but could not
 * commit; with the checks that a switch to a replicated cluster causes only the redelivery that the
 * replication's offset sync and the group's own failed commits explain.
 */
final class GroupDeliveries {
    record Delivery(String value, int partition, long offset, long atNanos) {
    }

    private final String topic;
    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final Queue<String> abandoned = new ConcurrentLinkedQueue<>();

    GroupDeliveries(String topic) {
        this.topic = topic;
    }

    void delivered(Delivery delivery) {
        deliveries.add(delivery);
    }

    /** Consumed, then never committed by this member (its commit was refused or its partitions lost). */
    void abandoned(Collection<String> values) {
        abandoned.addAll(values);
    }

    Set<String> values() {
        return deliveries.stream().map(Delivery::value).collect(Collectors.toSet());
    }

    /** The first record each partition delivers after the switch is the one its synced offset points at. */
    void assertResumedFromSyncedOffsets(long switchedAtNanos, Map<TopicPartition, Long> synced) {
        Map<Integer, Long> firstAfterSwitch = deliveries.stream()
                .filter(delivery -> delivery.atNanos() > switchedAtNanos)
                .collect(Collectors.toMap(Delivery::partition, Delivery::offset, Math::min));
        Map<Integer, Long> expected = new HashMap<>();
        synced.forEach((partition, offset) -> expected.put(partition.partition(), offset));
        assertThat(firstAfterSwitch).as("first offset delivered per partition after the switch").isEqualTo(expected);
    }

    /**
     * Uncommitted, as the failover cluster sees it: committed on main after the last offset sync
     * ({@code unsynced}), or delivered to a member that then could not commit it.
     */
    void assertRedeliveredOnlyWhatWasNotCommitted(Collection<String> unsynced) {
        Map<String, Long> copies = deliveries.stream().collect(Collectors.groupingBy(Delivery::value, Collectors.counting()));
        Set<String> uncommitted = new HashSet<>(unsynced);
        uncommitted.addAll(abandoned);
        Set<String> redelivered = copies.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(redelivered).as("records of %s delivered more than once", topic).isSubsetOf(uncommitted);
        assertThat(deliveries.size() - copies.size()).as("redeliveries")
                .isLessThanOrEqualTo(unsynced.size() + abandoned.size());
    }
}
