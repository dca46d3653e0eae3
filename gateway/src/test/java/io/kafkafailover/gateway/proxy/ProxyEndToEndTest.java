package io.kafkafailover.gateway.proxy;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.KafkaCluster;
import io.kafkafailover.testkit.LoopbackConnections;
import io.kafkafailover.testkit.SharedKafkaClusters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real clients against a real 3-broker cluster, through the gateway only: everything works as it
 * does directly, every broker address a client learns is a gateway address, and the brokers only
 * ever see connections from the gateway's own source address.
 */
class ProxyEndToEndTest {
    /** The gateway's upstream connections leave from here; clients and brokers use 127.0.0.1. */
    private static final String GATEWAY_SOURCE = "127.0.0.2";

    private static KafkaCluster cluster;
    private static String clusterId;
    private static Gateway gateway;
    private static final Set<String> brokerSideSources = ConcurrentHashMap.newKeySet();
    private static Thread connectionSampler;

    @BeforeAll
    static void startGateway() throws InterruptedException {
        cluster = SharedKafkaClusters.main();
        clusterId = cluster.clusterId();
        Map<String, String> env = TestGateways.clusterEnv(cluster, null);
        env.put("GATEWAY_UPSTREAM_BIND_HOST", GATEWAY_SOURCE);
        gateway = TestGateways.start(env);
        Set<Integer> brokerPorts = new HashSet<>();
        cluster.brokerAddresses().values().forEach(address -> brokerPorts.add(address.getPort()));
        // Connections the test harness itself opened before the gateway existed are not the clients'.
        Set<LoopbackConnections.Connection> harness = new HashSet<>(LoopbackConnections.establishedTo(brokerPorts));
        connectionSampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                LoopbackConnections.establishedTo(brokerPorts).stream()
                        .filter(connection -> !harness.contains(connection))
                        .forEach(connection -> brokerSideSources.add(connection.local().getAddress().getHostAddress()));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "connection-sampler");
        connectionSampler.start();
    }

    @AfterAll
    static void stopGateway() throws InterruptedException {
        connectionSampler.interrupt();
        connectionSampler.join();
        gateway.close();
    }

    @Test
    void adminIdempotentProducerConsumerGroupAndTransactionsAllWorkThroughTheGatewayOnly() throws Exception {
        String topic = "e2e-orders";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 3))).all().get(30, TimeUnit.SECONDS);
            // The controller knows the topic once createTopics returns; the broker that answers may learn it a moment later.
            TopicDescription description = await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(ExecutionException.class)
                    .until(() -> admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic), Objects::nonNull);
            assertThat(description.partitions()).hasSize(3);
            for (TopicPartitionInfo partition : description.partitions()) {
                assertGatewayNode(partition.leader());
                partition.replicas().forEach(this::assertGatewayNode);
                partition.isr().forEach(this::assertGatewayNode);
            }
            var clusterDescription = admin.describeCluster();
            assertThat(clusterDescription.nodes().get()).hasSize(3).allSatisfy(this::assertGatewayNode);
            assertThat(clusterDescription.nodes().get()).extracting(Node::id).containsExactlyInAnyOrder(1, 2, 3);
            assertThat(clusterDescription.clusterId().get()).isEqualTo(clusterId);

            List<String> produced = produceIdempotently(topic, 300);
            consumeWithAGroupThatRebalances(topic, produced);
            assertThat(admin.listGroups().all().get()).extracting(GroupListing::groupId).contains("e2e-group");
        }

        transactionsAreAtomicForReadCommittedConsumers();

        assertThat(brokerSideSources).as("source addresses of connections the brokers accepted").containsOnly(GATEWAY_SOURCE);
    }

    private List<String> produceIdempotently(String topic, int count) throws Exception {
        List<String> values = IntStream.range(0, count).mapToObj(i -> "order-" + i).toList();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            for (String value : values) {
                acks.add(producer.send(new ProducerRecord<>(topic, value, value)));
            }
            for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            for (PartitionInfo partition : producer.partitionsFor(topic)) {
                assertGatewayNode(partition.leader());
            }
        }
        return values;
    }

    private void consumeWithAGroupThatRebalances(String topic, List<String> produced) {
        Set<String> consumed = new HashSet<>();
        try (KafkaConsumer<String, String> first = consumer("e2e-group", "read_uncommitted");
             KafkaConsumer<String, String> second = consumer("e2e-group", "read_uncommitted")) {
            first.subscribe(List.of(topic));
            second.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                first.poll(Duration.ofMillis(100)).forEach(r -> consumed.add(r.value()));
                second.poll(Duration.ofMillis(100)).forEach(r -> consumed.add(r.value()));
                return !first.assignment().isEmpty() && !second.assignment().isEmpty()
                        && first.assignment().size() + second.assignment().size() == 3;
            });
            second.close();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                first.poll(Duration.ofMillis(100)).forEach(r -> consumed.add(r.value()));
                return first.assignment().size() == 3 && consumed.containsAll(produced);
            });
            for (PartitionInfo partition : first.partitionsFor(topic)) {
                assertGatewayNode(partition.leader());
            }
        }
        assertThat(consumed).containsExactlyInAnyOrderElementsOf(produced);
    }

    private void transactionsAreAtomicForReadCommittedConsumers() throws Exception {
        String topic = "e2e-payments";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "e2e-tx"),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "committed-" + i));
            }
            producer.commitTransaction();
            producer.beginTransaction();
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, "aborted-" + i));
            }
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "marker"));
            producer.commitTransaction();
        }
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer("e2e-tx-readers", "read_committed")) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.value());
                }
                return seen.contains("marker");
            });
        }
        assertThat(seen).filteredOn(value -> value.startsWith("committed-")).hasSize(10);
        assertThat(seen).noneMatch(value -> value.startsWith("aborted-"));
    }

    private KafkaConsumer<String, String> consumer(String group, String isolation) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation),
                new StringDeserializer(), new StringDeserializer());
    }

    private void assertGatewayNode(Node node) {
        int start = gateway.config().portStart();
        assertThat(node.host()).as("host of node %s", node.id()).isEqualTo(gateway.config().advertisedHost());
        assertThat(node.port()).as("port of node %s", node.id()).isBetween(start + 1, start + gateway.config().portCount());
        assertThat(cluster.brokerAddresses().values()).noneMatch(address -> address.getPort() == node.port());
    }
}
