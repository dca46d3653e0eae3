package io.kafkafailover.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.CapturedLog;
import io.kafkafailover.gateway.testing.TestGateways;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A cluster that refuses the gateway's credentials does not stop the gateway: start-up succeeds,
 * readiness says what is wrong (and stays 200, so that the gateway can still be switched), a switch
 * to that cluster is refused with 409 and the reason, clients routed to it get retriable errors
 * rather than a hang, and the gateway logs the problem once, not once per client retry.
 */
class WrongBackendCredentialsTest {
    private static final String WRONG_PASSWORD = TestSecrets.newPassword("wrong gateway password");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void wrongFailoverCredentialsShowInReadinessAndMakeASwitchThereA409() throws Exception {
        Map<String, String> env = SecuredBackends.gatewayEnv(SecuredBackends.MAIN_GATEWAY_PASSWORD, WRONG_PASSWORD);
        try (Gateway gateway = TestGateways.start(env)) {
            JsonNode ready = await().atMost(Duration.ofSeconds(30)).until(
                    () -> JSON.readTree(get(gateway, "/health/ready").body()),
                    report -> report.path("clusters").path("failover").path("reachable").isBoolean());
            assertThat(get(gateway, "/health/ready").statusCode()).isEqualTo(200);
            assertThat(ready.path("clusters").path("main").path("reachable").asBoolean()).isTrue();
            assertThat(ready.path("clusters").path("failover").path("reachable").asBoolean()).isFalse();
            assertThat(ready.path("clusters").path("failover").path("error").asText())
                    .contains("refused the gateway's SCRAM-SHA-512 credentials");

            HttpResponse<String> refused = post(gateway, "/admin/pclusters/v1/pcluster/main/switch?to=failover");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("failover").contains("refused the gateway's SCRAM-SHA-512 credentials");
            assertThat(gateway.activeCluster().current().name()).isEqualTo("main");

            String metrics = get(gateway, "/metrics").body();
            assertThat(metrics).contains("gateway_backend_reachable");
            for (String secret : TestSecrets.all().keySet()) {
                assertThat(metrics).doesNotContain(secret);
                assertThat(ready.toString()).doesNotContain(secret);
                assertThat(refused.body()).doesNotContain(secret);
            }
        }
    }

    @Test
    void clientsOfAClusterThatRefusesTheGatewayGetRetriableErrorsAndTheGatewayLogsItOnce() throws Exception {
        Map<String, String> env = SecuredBackends.gatewayEnv(WRONG_PASSWORD, SecuredBackends.FAILOVER_GATEWAY_PASSWORD);
        try (CapturedLog log = CapturedLog.start(); Gateway gateway = TestGateways.start(env)) {
            Map<String, Object> client = new HashMap<>();
            client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers());
            client.put(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, 20);
            client.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 50);

            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                assertThat(GatewayClients.describeCluster(client, Duration.ofSeconds(3))).isInstanceOf(RetriableException.class);
            }
            client.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>("anything", "value")).get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RetriableException.class);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no hang").isLessThan(Duration.ofSeconds(60));

            // Dozens of refused connections (clients retry every 50 ms), one line.
            assertThat(log.linesContaining("cluster 'main': the gateway cannot connect securely")).hasSize(1);
            assertThat(log.linesContaining("cluster 'main': the gateway cannot connect securely").get(0))
                    .contains("refused the gateway's PLAIN credentials");
        }
    }

    private static HttpResponse<String> get(Gateway gateway, String path) throws Exception {
        return HTTP.send(request(gateway, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(Gateway gateway, String path) throws Exception {
        return HTTP.send(request(gateway, path).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(Gateway gateway, String path) {
        String credentials = TestGateways.ADMIN_USER + ":" + TestGateways.ADMIN_PASSWORD;
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
