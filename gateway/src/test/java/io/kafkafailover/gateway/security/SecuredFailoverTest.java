package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.KafkaCluster;
import io.kafkafailover.testkit.SaslSetup;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients log in to the gateway as a gateway user and keep producing and consuming while the
 * gateway switches main (SASL_PLAINTEXT, PLAIN) → failover (SASL_SSL, SCRAM-SHA-512, test CA) →
 * main. The backends' ACLs admit only the gateway's own principals, and the clients' user exists
 * on neither backend: everything the clients do reaches the clusters as the gateway.
 */
class SecuredFailoverTest {
    private static final String CLIENT_USER = "orders-app";
    private static final String CLIENT_PASSWORD = TestSecrets.newPassword("gateway client user");
    private static final int PARTITIONS = 3;
    private static final int MIRRORED_PER_PARTITION = 30;
    private static final int RECEIVED_PER_PHASE = 20;

    private static KafkaCluster main;
    private static KafkaCluster failover;
    private static String users;

    @BeforeAll
    static void start() {
        main = SecuredBackends.main();
        failover = SecuredBackends.failover();
        users = SaslUsers.entry(CLIENT_USER, CLIENT_PASSWORD, 4096);
    }

    @Test
    void plainClientsKeepProducingAndConsumingAcrossMainToFailoverToMain() throws Exception {
        Map<String, String> env = SecuredBackends.gatewayEnv(SecuredBackends.MAIN_GATEWAY_PASSWORD, SecuredBackends.FAILOVER_GATEWAY_PASSWORD);
        env.put(ClientSecurity.PROTOCOL_KEY, "SASL_PLAINTEXT");
        env.put(SaslUsers.KEY, users);
        try (Gateway gateway = TestGateways.start(env)) {
            produceAndConsumeAcrossSwitches(gateway, "secured-plain-orders",
                    GatewayClients.sasl(gateway, SecurityProtocol.SASL_PLAINTEXT, "PLAIN", CLIENT_USER, CLIENT_PASSWORD));
        }
    }

    @Test
    void scramOverTlsClientsKeepProducingAndConsumingAcrossMainToFailoverToMain() throws Exception {
        Map<String, String> env = SecuredBackends.gatewayEnv(SecuredBackends.MAIN_GATEWAY_PASSWORD, SecuredBackends.FAILOVER_GATEWAY_PASSWORD);
        env.put(ClientSecurity.PROTOCOL_KEY, "SASL_SSL");
        env.put(SaslUsers.KEY, users);
        // The listener's certificate as PEM files, read through a config provider as from a mounted Secret.
        var server = SecuredBackends.tls().server();
        env.put("GATEWAY_SSL_KEYSTORE_TYPE", "PEM");
        env.put("GATEWAY_SSL_KEYSTORE_CERTIFICATE_CHAIN", "${directory:" + server.certificateChainPem().getParent() + ":"
                + server.certificateChainPem().getFileName() + "}");
        env.put("GATEWAY_SSL_KEYSTORE_KEY", "${directory:" + server.privateKeyPem().getParent() + ":"
                + server.privateKeyPem().getFileName() + "}");
        try (Gateway gateway = TestGateways.start(env)) {
            produceAndConsumeAcrossSwitches(gateway, "secured-scram-orders",
                    GatewayClients.sasl(gateway, SecurityProtocol.SASL_SSL, "SCRAM-SHA-512", CLIENT_USER, CLIENT_PASSWORD));
        }
    }

    @Test
    void theClientsUserExistsOnNoBackend() {
        Map<String, Object> onMain = main.clientProperties(SecuredBackends.MAIN_GATEWAY_USER);
        onMain.put("sasl.jaas.config", SaslSetup.clientJaasConfig("PLAIN", CLIENT_USER, CLIENT_PASSWORD));
        Map<String, Object> onFailover = failover.clientProperties(SecuredBackends.FAILOVER_GATEWAY_USER);
        onFailover.put("sasl.jaas.config", SaslSetup.clientJaasConfig("SCRAM-SHA-512", CLIENT_USER, CLIENT_PASSWORD));

        assertThat(GatewayClients.describeCluster(onMain)).isInstanceOf(SaslAuthenticationException.class);
        assertThat(GatewayClients.describeCluster(onFailover)).isInstanceOf(SaslAuthenticationException.class);
        // ...while the gateway's own users do get in, which is how the gateway reaches them.
        assertThat(GatewayClients.describeCluster(main.clientProperties(SecuredBackends.MAIN_GATEWAY_USER))).isEqualTo(main.clusterId());
        assertThat(GatewayClients.describeCluster(failover.clientProperties(SecuredBackends.FAILOVER_GATEWAY_USER))).isEqualTo(failover.clusterId());
    }

    private static void produceAndConsumeAcrossSwitches(Gateway gateway, String topic, Map<String, Object> client) throws Exception {
        SecuredBackends.createTopic(main, topic, PARTITIONS);
        SecuredBackends.createTopic(failover, topic, PARTITIONS);
        mirrorHistoryOnto(failover, topic);
        try (KafkaProducer<String, String> producer = producer(client);
             KafkaConsumer<String, String> consumer = consumer(client, topic + "-readers")) {
            consumer.subscribe(List.of(topic));

            List<String> first = sendAndConsume(producer, consumer, topic, "main-first");
            gateway.switchTo("failover", false);
            List<String> second = sendAndConsume(producer, consumer, topic, "failover");
            gateway.switchTo("main", false);
            List<String> third = sendAndConsume(producer, consumer, topic, "main-again");

            assertThat(valuesOn(main, topic)).containsAll(first).containsAll(third).doesNotContainAnyElementsOf(second);
            assertThat(valuesOn(failover, topic)).containsAll(second).doesNotContainAnyElementsOf(first).doesNotContainAnyElementsOf(third);
        }
    }

    /**
     * Stands in for what a replication tool would have copied: the failover topic already holds
     * earlier records, so its offsets run ahead of main's, as they do in real pairs of clusters.
     */
    private static void mirrorHistoryOnto(KafkaCluster cluster, String topic) throws Exception {
        try (KafkaProducer<String, String> direct = new KafkaProducer<>(cluster.adminClientProperties(),
                new StringSerializer(), new StringSerializer())) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                for (int i = 0; i < MIRRORED_PER_PARTITION; i++) {
                    direct.send(new ProducerRecord<>(topic, partition, null, "mirrored-" + partition + "-" + i));
                }
            }
            direct.flush();
        }
    }

    /**
     * Keeps sending through the gateway (every send must be acknowledged) and polling, until the
     * consumer has received records of this phase. Only records sent after the consumer settled on
     * the new cluster are sure to reach it: where a consumer resumes on another cluster is the
     * replication tool's offset sync, not the gateway's business. Returns every value sent.
     */
    private static List<String> sendAndConsume(KafkaProducer<String, String> producer, KafkaConsumer<String, String> consumer,
                                               String topic, String phase) throws Exception {
        List<String> sent = new ArrayList<>();
        Set<String> received = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (received.size() < RECEIVED_PER_PHASE) {
            assertThat(System.nanoTime()).as("time left to consume %s records; received %s", phase, received.size()).isLessThan(deadline);
            String value = phase + "-" + sent.size();
            producer.send(new ProducerRecord<>(topic, value, value)).get(60, TimeUnit.SECONDS);
            sent.add(value);
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.value().startsWith(phase + "-")) {
                    received.add(record.value());
                }
            }
        }
        assertThat(sent).containsAll(received);
        return sent;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> client) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> client, String group) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The member left behind on the cluster switched away from holds up the rebalance when the
        // consumer comes back, until its session expires: keep that short, as the broker allows.
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    /** Reads a topic straight from a cluster as its admin, bypassing the gateway, to see where records landed. */
    private static Set<String> valuesOn(KafkaCluster cluster, String topic) {
        Set<String> values = new HashSet<>();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(cluster.adminClientProperties(),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            IntStream.range(0, PARTITIONS).forEach(p -> partitions.add(new TopicPartition(topic, p)));
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
