package io.kafkafailover.gateway.failover;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.CapturedLog;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.KafkaCluster;
import io.kafkafailover.testkit.SharedKafkaClusters;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The active-cluster state file (a mounted ConfigMap in Kubernetes): read at start-up, watched
 * while running, never allowed to undo a switch made through the API.
 */
class ActiveClusterFileTest {
    private static final String TOPIC = "state-file-events";
    private static final String KEY = "active-cluster";
    /** The watcher polls every second; the bound only guards against a hang on a busy CI machine. */
    private static final Duration FILE_SWITCH_LIMIT = Duration.ofSeconds(15);

    private static KafkaCluster main;
    private static KafkaCluster failover;
    private Gateway gateway;

    @TempDir
    Path mount;

    @BeforeAll
    static void clusters() throws Exception {
        main = SharedKafkaClusters.main();
        failover = SharedKafkaClusters.failover();
        Landing.createOnBoth(TOPIC, 1, main, failover);
    }

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void fileNamingFailoverServesFailoverFromTheFirstClientConnection() throws Exception {
        MountedConfigMap state = new MountedConfigMap(mount, KEY, "failover");
        gateway = start(Map.of("GATEWAY_ACTIVE_CLUSTER_FILE", state.file().toString()));

        assertThat(gateway.activeCluster().current().name()).isEqualTo("failover");
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, "first-connection-from-file");
        }
        assertThat(Landing.clusterHolding(TOPIC, "first-connection-from-file", main, failover)).isEqualTo("failover");
    }

    @Test
    void rewritingTheFileSwitchesTheRunningGatewayAndClosesClientConnections() throws Exception {
        MountedConfigMap state = new MountedConfigMap(mount, KEY, "failover");
        gateway = start(Map.of("GATEWAY_ACTIVE_CLUSTER_FILE", state.file().toString()));
        try (KafkaProducer<String, String> producer = producer();
             Socket idleClient = new Socket()) {
            send(producer, "before-file-change");
            idleClient.connect(new InetSocketAddress("127.0.0.1", gateway.config().bootstrapPort()), 5_000);
            await().atMost(Duration.ofSeconds(5)).until(() -> gateway.connections().count() >= 2);

            long started = System.nanoTime();
            state.update("main");
            await().atMost(FILE_SWITCH_LIMIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> gateway.activeCluster().current().name().equals("main"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(FILE_SWITCH_LIMIT);
            assertClosedByGateway(idleClient);
            send(producer, "after-file-change");
        }
        assertThat(Landing.clusterHolding(TOPIC, "before-file-change", main, failover)).isEqualTo("failover");
        assertThat(Landing.clusterHolding(TOPIC, "after-file-change", main, failover)).isEqualTo("main");
    }

    @Test
    void fileNamingAnUnknownClusterIsLoggedAndIgnored() throws Exception {
        MountedConfigMap state = new MountedConfigMap(mount, KEY, "nowhere");
        try (CapturedLog log = CapturedLog.start()) {
            gateway = start(Map.of(
                    "GATEWAY_ACTIVE_CLUSTER_FILE", state.file().toString(),
                    "GATEWAY_ACTIVE_CLUSTER", "failover"));
            assertThat(gateway.activeCluster().current().name()).as("the variable stands in for the unusable file").isEqualTo("failover");
            assertThat(log.linesContaining("'nowhere'")).as("start-up names the unknown cluster").isNotEmpty();

            state.update("main");
            await().atMost(FILE_SWITCH_LIMIT).until(() -> gateway.activeCluster().current().name().equals("main"));

            int warningsBefore = log.linesContaining("'atlantis'").size();
            state.update("atlantis");
            await().atMost(FILE_SWITCH_LIMIT).until(() -> log.linesContaining("'atlantis'").size() > warningsBefore);
            assertThat(log.linesContaining("'atlantis'")).allSatisfy(line -> assertThat(line).contains("WARN"));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> gateway.activeCluster().current().name().equals("main"));
        }

        state.update("failover");
        await("the watcher still works after an unknown name").atMost(FILE_SWITCH_LIMIT)
                .until(() -> gateway.activeCluster().current().name().equals("failover"));
    }

    @Test
    void anApiSwitchIsNotUndoneByTheUnchangedFile() throws Exception {
        MountedConfigMap state = new MountedConfigMap(mount, KEY, "main");
        gateway = start(Map.of("GATEWAY_ACTIVE_CLUSTER_FILE", state.file().toString()));
        assertThat(gateway.activeCluster().current().name()).isEqualTo("main");

        gateway.switchTo("failover", false);
        state.update("main"); // a kubelet resync: new payload directory, same content
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> gateway.activeCluster().current().name().equals("failover"));
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, "after-api-switch");
        }
        assertThat(Landing.clusterHolding(TOPIC, "after-api-switch", main, failover)).isEqualTo("failover");
    }

    @Test
    void activeClusterVariableWithoutAFile() throws Exception {
        gateway = start(Map.of("GATEWAY_ACTIVE_CLUSTER", "failover"));

        assertThat(gateway.activeCluster().current().name()).isEqualTo("failover");
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, "from-variable");
        }
        assertThat(Landing.clusterHolding(TOPIC, "from-variable", main, failover)).isEqualTo("failover");
    }

    private static Gateway start(Map<String, String> settings) throws InterruptedException {
        Map<String, String> env = TestGateways.clusterEnv(main, failover);
        env.putAll(settings);
        return TestGateways.start(env);
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, String value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, value, value)).get(30, TimeUnit.SECONDS);
    }

    /** An idle connection sees end-of-stream once the gateway closed it. */
    private static void assertClosedByGateway(Socket client) throws Exception {
        client.setSoTimeout(5_000);
        InputStream in = client.getInputStream();
        assertThat(in.read()).as("end of stream on a connection the switch closed").isEqualTo(-1);
    }
}
