package io.kafkafailover.gateway.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.KafkaCluster;
import io.kafkafailover.testkit.SharedKafkaClusters;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The seed's own switch commands, run verbatim with the real curl binary against a gateway whose
 * admin API is where the seed expects it (localhost:8888, admin/conduktor), while a client keeps
 * one producer open across both switches.
 */
class SeedCurlTest {
    private static final int SEED_ADMIN_PORT = 8888;
    private static final String TO_FAILOVER =
            "curl --request POST 'http://localhost:8888/admin/pclusters/v1/pcluster/main/switch?to=failover' --user 'admin:conduktor'";
    private static final String TO_MAIN =
            "curl --request POST 'http://localhost:8888/admin/pclusters/v1/pcluster/main/switch?to=main' --user 'admin:conduktor'";
    private static final String TOPIC = "seed-curl-events";

    private static KafkaCluster main;
    private static KafkaCluster failover;
    private static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        requireFree(SEED_ADMIN_PORT);
        main = SharedKafkaClusters.main();
        failover = SharedKafkaClusters.failover();
        Landing.createOnBoth(TOPIC, 1, main, failover);
        Map<String, String> env = TestGateways.clusterEnv(main, failover);
        env.put("GATEWAY_HTTP_PORT", String.valueOf(SEED_ADMIN_PORT));
        gateway = TestGateways.start(env);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void seedCommandsSwitchToFailoverAndBackWhileAClientKeepsProducing() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            send(producer, "before-switch");
            assertThat(Landing.clusterHolding(TOPIC, "before-switch", main, failover)).isEqualTo("main");

            Instant beforeFirst = Instant.now();
            JsonNode toFailover = runSeedCommand(TO_FAILOVER);
            assertSwitched(toFailover, "failover", "main", beforeFirst);
            assertThat(toFailover.get("connectionsClosed").asInt()).as("the open producer's connections").isPositive();
            assertThat(gateway.activeCluster().current().name()).isEqualTo("failover");
            send(producer, "while-on-failover");
            assertThat(Landing.clusterHolding(TOPIC, "while-on-failover", main, failover)).isEqualTo("failover");

            Instant beforeSecond = Instant.now();
            JsonNode toMain = runSeedCommand(TO_MAIN);
            assertSwitched(toMain, "main", "failover", beforeSecond);
            assertThat(toMain.get("connectionsClosed").asInt()).as("the open producer's connections").isPositive();
            assertThat(Instant.parse(toMain.get("switchedAt").asText()))
                    .isAfter(Instant.parse(toFailover.get("switchedAt").asText()));
            send(producer, "back-on-main");
            assertThat(Landing.clusterHolding(TOPIC, "back-on-main", main, failover)).isEqualTo("main");

            JsonNode again = runSeedCommand(TO_MAIN);
            assertThat(again.get("message").asText()).as("a repeated switch is idempotent").isEqualTo("Cluster switched");
            assertThat(again.get("previous").asText()).isEqualTo("main");
            assertThat(again.get("active").asText()).isEqualTo("main");
            assertThat(again.get("connectionsClosed").asInt()).isZero();
            assertThat(again.get("switchedAt").asText()).isEqualTo(toMain.get("switchedAt").asText());
        }
    }

    private static void assertSwitched(JsonNode answer, String active, String previous, Instant notBefore) {
        assertThat(answer.get("message").asText()).isEqualTo("Cluster switched");
        assertThat(answer.get("pcluster").asText()).isEqualTo("main");
        assertThat(answer.get("active").asText()).isEqualTo(active);
        assertThat(answer.get("previous").asText()).isEqualTo(previous);
        Instant switchedAt = Instant.parse(answer.get("switchedAt").asText());
        assertThat(switchedAt).isBetween(notBefore, Instant.now());
        assertThat(answer.get("connectionsClosed").isInt()).as("connectionsClosed is a number").isTrue();
    }

    private static void send(KafkaProducer<String, String> producer, String value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, value, value)).get(30, TimeUnit.SECONDS);
    }

    /** Runs the command line through a shell, so that its quoting is exactly the seed's. */
    private static JsonNode runSeedCommand(String commandLine) throws Exception {
        Process curl = new ProcessBuilder("sh", "-c", commandLine).start();
        curl.getOutputStream().close();
        if (!curl.waitFor(30, TimeUnit.SECONDS)) {
            curl.destroyForcibly();
            fail("curl did not finish within 30 s: " + commandLine);
        }
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.exitValue()).as("exit code of %s (stderr: %s)", commandLine, err).isZero();
        try {
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new AssertionError("curl printed no JSON: " + out, e);
        }
    }

    /** The seed's commands name port 8888, so this test cannot move to a free port. */
    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            fail("Port " + port + " on localhost is taken (" + e.getMessage() + "). SeedCurlTest runs the seed's curl "
                    + "commands verbatim, which name localhost:" + port + ": stop whatever listens there and run it again.");
        }
    }
}
