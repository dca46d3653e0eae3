package io.kafkafailover.gateway.failover;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.KafkaCluster;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN pitfall 4 with a deliberate collision: two fresh clusters hand out the same first producer
 * id, one to a client producing through the gateway on main, the other to a "replicator" writing
 * straight to failover. After the switch the client must not write under the replicator's id: the
 * gateway gives it an id of the failover cluster, and neither producer sees an error.
 */
class ProducerIdCollisionTest {
    private static final String TOPIC = "collision-orders";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private static KafkaCluster main;
    private static KafkaCluster failover;
    private static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        main = KafkaCluster.builder().name("collision-main").brokerIds(1).start();
        failover = KafkaCluster.builder().name("collision-failover").brokerIds(101).start();
        main.admin().createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        failover.admin().createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        gateway = TestGateways.start(TestGateways.clusterEnv(main, failover));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        main.close();
        failover.close();
    }

    @Test
    void aProducerMovedToAnotherClusterNeverWritesUnderAnIdThatClusterGaveSomeoneElse() throws Exception {
        Queue<Exception> errors = new ConcurrentLinkedQueue<>();
        try (KafkaProducer<String, String> replicator = producer(failover.bootstrapServers());
             KafkaProducer<String, String> client = producer(gateway.bootstrapServers())) {
            send(replicator, "replicated", 0, 20, errors);
            send(client, "client", 0, 20, errors);
            long replicatorId = producerIds(failover).iterator().next();
            assertThat(producerIds(main)).as("both fresh clusters issued the same first producer id: the collision is real")
                    .containsExactly(replicatorId);

            gateway.switchTo("failover", false);

            for (int round = 0; round < 5; round++) { // both keep writing to the same partition, interleaved
                send(client, "client", 20 + round * 20, 20, errors);
                send(replicator, "replicated", 20 + round * 20, 20, errors);
            }
            assertThat(errors).as("errors seen by either producer").isEmpty();
            Set<Long> onFailover = producerIds(failover);
            assertThat(onFailover).as("producer ids writing to failover").hasSize(2).contains(replicatorId);
        }
        Map<String, Long> counts = ClusterContents.readAll(failover, TOPIC).stream()
                .collect(Collectors.groupingBy(record -> record.value().split("-")[0], Collectors.counting()));
        assertThat(counts).containsEntry("client", 100L).containsEntry("replicated", 120L);
    }

    private static void send(KafkaProducer<String, String> producer, String name, int from, int count, Queue<Exception> errors)
            throws Exception {
        for (int i = from; i < from + count; i++) {
            producer.send(new ProducerRecord<>(TOPIC, 0, null, name + "-" + i), (metadata, error) -> {
                if (error != null) {
                    errors.add(error);
                }
            });
        }
        producer.flush();
    }

    private static Set<Long> producerIds(KafkaCluster cluster) throws Exception {
        return cluster.admin().describeProducers(List.of(PARTITION)).all().get(30, TimeUnit.SECONDS).get(PARTITION)
                .activeProducers().stream().map(ProducerState::producerId).collect(Collectors.toSet());
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
}
