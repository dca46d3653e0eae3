package io.kafkafailover.gateway.routing;

import org.apache.kafka.common.Uuid;

import java.util.Set;

/**
 * What becomes of a Produce request once its producer ids were looked at: it goes to the cluster,
 * or the gateway answers it so that the producer restarts the sequences of {@code restart}.
 */
public record ProduceVerdict(Set<Partition> restart) {
    public static final ProduceVerdict FORWARD = new ProduceVerdict(Set.of());

    /** A partition as a Produce request names it: by topic name up to v12, by topic id from v13. */
    public record Partition(String topic, Uuid topicId, int index) {
    }

    public boolean forward() {
        return restart.isEmpty();
    }
}
