package io.kafkafailover.gateway.failover;

import io.kafkafailover.testkit.KafkaCluster;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Where a record produced through the gateway really landed, read straight from both clusters. */
final class Landing {
    private Landing() {
    }

    /** The same topic on both clusters, as a replication tool with an identity policy keeps it. */
    static void createOnBoth(String topic, int partitions, KafkaCluster main, KafkaCluster failover) throws Exception {
        create(main, topic, partitions);
        create(failover, topic, partitions);
    }

    private static void create(KafkaCluster cluster, String topic, int partitions) throws Exception {
        short replicas = (short) cluster.brokerIds().size();
        try {
            cluster.admin().createTopics(List.of(new NewTopic(topic, partitions, replicas))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** "main", "failover", "both" or "nowhere". */
    static String clusterHolding(String topic, String value, KafkaCluster main, KafkaCluster failover) {
        boolean onMain = holds(main, topic, value);
        boolean onFailover = holds(failover, topic, value);
        if (onMain && onFailover) {
            return "both";
        }
        return onMain ? "main" : onFailover ? "failover" : "nowhere";
    }

    private static boolean holds(KafkaCluster cluster, String topic, String value) {
        return ClusterContents.readAll(cluster, topic).stream().map(ConsumerRecord::value).anyMatch(value::equals);
    }
}
