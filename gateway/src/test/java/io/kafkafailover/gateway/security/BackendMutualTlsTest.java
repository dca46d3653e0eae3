package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.CapturedLog;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.KafkaCluster;
import io.kafkafailover.testkit.TlsMaterial;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backend that requires mutual TLS: the gateway presents the client certificate given in the
 * cluster's {@code ssl.keystore.*} (here PEM, read through a config provider) and verifies the
 * broker's certificate against {@code ssl.truststore.*} (a PEM file) and the broker's address.
 */
class BackendMutualTlsTest {
    private static final String TOPIC = "mtls-topic";
    private static KafkaCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = KafkaCluster.builder().name("mtls-backend").brokerIds(7).ssl(SecuredBackends.tls())
                .brokerProperty("listener.name.client.ssl.client.auth", "required").start();
        Map<String, Object> admin = cluster.adminClientProperties();
        admin.putAll(SecuredBackends.tls().clientMutualTlsProperties());
        try (Admin direct = Admin.create(admin)) {
            direct.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void theGatewayPresentsTheClusterClientCertificateAndClientsGetThrough() throws Exception {
        TlsMaterial tls = SecuredBackends.tls();
        Map<String, String> env = mutualTlsEnv(tls);
        env.put("KAFKA_MAIN_SSL_KEYSTORE_TYPE", "PEM");
        env.put("KAFKA_MAIN_SSL_KEYSTORE_CERTIFICATE_CHAIN", directoryReference(tls.client().certificateChainPem()));
        env.put("KAFKA_MAIN_SSL_KEYSTORE_KEY", directoryReference(tls.client().privateKeyPem()));
        try (Gateway gateway = TestGateways.start(env)) {
            Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(TOPIC, "k", "through mutual TLS")).get(60, TimeUnit.SECONDS);
            }
            Map<String, Object> consumerProperties = new HashMap<>(client);
            consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "mtls-readers");
            consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(TOPIC));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                String value = null;
                while (value == null && System.nanoTime() < deadline) {
                    for (var record : consumer.poll(Duration.ofMillis(200))) {
                        value = record.value();
                    }
                }
                assertThat(value).isEqualTo("through mutual TLS");
            }
        }
    }

    @Test
    void withoutAClientCertificateTheClusterIsReportedAndClientsGetRetriableErrors() throws Exception {
        try (CapturedLog log = CapturedLog.start(); Gateway gateway = TestGateways.start(mutualTlsEnv(SecuredBackends.tls()))) {
            Map<String, Object> client = new HashMap<>();
            client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers());

            assertThat(GatewayClients.describeCluster(client, Duration.ofSeconds(3))).isInstanceOf(RetriableException.class);
            assertThat(log.linesContaining("cluster 'main': the gateway cannot connect securely")).hasSize(1);
        }
    }

    /** The cluster's address and trust (a PEM file), without any client certificate yet. */
    private static Map<String, String> mutualTlsEnv(TlsMaterial tls) {
        Map<String, String> env = TestGateways.clusterEnv(cluster, null);
        env.put("KAFKA_MAIN_SECURITY_PROTOCOL", "SSL");
        env.put("KAFKA_MAIN_SSL_TRUSTSTORE_TYPE", "PEM");
        env.put("KAFKA_MAIN_SSL_TRUSTSTORE_LOCATION", tls.caCertificatePem().toString());
        return env;
    }

    private static String directoryReference(Path file) {
        return "${directory:" + file.getParent() + ":" + file.getFileName() + "}";
    }
}
