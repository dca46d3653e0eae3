package io.kafkafailover.gateway.admin;

import io.kafkafailover.admin.ApiError;
import io.kafkafailover.admin.GatewayAdminClient;
import io.kafkafailover.admin.GatewayAdminException;
import io.kafkafailover.admin.PClusterView;
import io.kafkafailover.admin.SwitchResult;
import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.SharedKafkaClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin API's answers, success and every refusal, against a gateway in front of real clusters. */
class AdminApiTest {
    private static Gateway gateway;
    private static GatewayAdminClient admin;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws InterruptedException {
        Map<String, String> env = TestGateways.clusterEnv(SharedKafkaClusters.main(), SharedKafkaClusters.failover());
        env.put("KAFKA_ANALYTICS_BOOTSTRAP_SERVERS", SharedKafkaClusters.failover().bootstrapServers()); // no failover role
        env.put("KAFKA_DEAD_BOOTSTRAP_SERVERS", "127.0.0.1:1"); // nothing listens there
        env.put("KAFKA_DEAD_GATEWAY_ROLES", "failover");
        env.put("GATEWAY_ADMIN_API_USERS", "[{username: admin, password: conduktor, admin: true}, "
                + "{username: viewer, password: look-only}]");
        gateway = TestGateways.start(env);
        admin = new GatewayAdminClient(baseUri(), "admin", "conduktor", Duration.ofSeconds(20));
    }

    @AfterEach
    void backToMain() {
        gateway.switchTo("main", true);
    }

    @AfterAll
    static void stop() {
        admin.close();
        gateway.close();
    }

    private static URI baseUri() {
        return URI.create("http://127.0.0.1:" + gateway.adminPort());
    }

    @Test
    void switchAnswersAsDesignedAndIsIdempotent() {
        Instant before = Instant.now();
        SwitchResult first = admin.switchTo("main", "failover", false);
        assertThat(first.message()).isEqualTo("Cluster switched");
        assertThat(first.pcluster()).isEqualTo("main");
        assertThat(first.active()).isEqualTo("failover");
        assertThat(first.previous()).isEqualTo("main");
        assertThat(Instant.parse(first.switchedAt())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(gateway.activeCluster().current().name()).isEqualTo("failover");

        SwitchResult again = admin.switchTo("main", "failover", false);
        assertThat(again.active()).isEqualTo("failover");
        assertThat(again.previous()).isEqualTo("failover");
        assertThat(again.connectionsClosed()).isZero();
        assertThat(again.switchedAt()).isEqualTo(first.switchedAt());

        PClusterView view = admin.get("main");
        assertThat(view.active()).isEqualTo("failover");
        assertThat(view.switchedAt()).isEqualTo(first.switchedAt());
        assertThat(view.clusters()).extracting(c -> c.name() + ":" + c.active())
                .containsExactlyInAnyOrder("main:false", "failover:true", "analytics:false", "dead:false");
        assertThat(admin.list().pclusters()).containsExactly(view);
    }

    @Test
    void refusalsCarryTheirStatusAndAJsonError() {
        assertRefused(() -> admin.switchTo("nope", "failover", false), 404, ApiError.NOT_FOUND, "unknown pcluster 'nope'");
        assertRefused(() -> admin.switchTo("main", "nowhere", false), 404, ApiError.NOT_FOUND, "unknown cluster 'nowhere'");
        assertRefused(() -> admin.switchTo("main", "analytics", false), 400, ApiError.BAD_REQUEST, "failover role");
        assertRefused(() -> admin.get("nope"), 404, ApiError.NOT_FOUND, "unknown pcluster");
        assertThat(gateway.activeCluster().current().name()).isEqualTo("main");
    }

    @Test
    void unreachableTargetIsRefusedWith409UnlessForced() {
        assertRefused(() -> admin.switchTo("main", "dead", false), 409, ApiError.PREFLIGHT_FAILED, "cluster 'dead' did not answer");
        assertThat(gateway.activeCluster().current().name()).isEqualTo("main");

        SwitchResult forced = admin.switchTo("main", "dead", true);
        assertThat(forced.active()).isEqualTo("dead");
        assertThat(gateway.activeCluster().current().name()).isEqualTo("dead");
    }

    @Test
    void badOrMissingCredentialsGet401WithAChallengeAndNonAdminsCannotSwitch() throws Exception {
        HttpResponse<String> anonymous = send("POST", "/admin/pclusters/v1/pcluster/main/switch?to=failover", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
        assertThat(anonymous.body()).contains("\"error\":\"unauthorized\"");

        HttpResponse<String> wrong = send("GET", "/admin/pclusters/v1", "admin:wrong");
        assertThat(wrong.statusCode()).isEqualTo(401);

        assertThat(send("GET", "/admin/pclusters/v1", "viewer:look-only").statusCode()).isEqualTo(200);
        HttpResponse<String> viewerSwitch = send("POST", "/admin/pclusters/v1/pcluster/main/switch?to=failover", "viewer:look-only");
        assertThat(viewerSwitch.statusCode()).isEqualTo(403);
        assertThat(gateway.activeCluster().current().name()).isEqualTo("main");

        HttpResponse<String> missingTarget = send("POST", "/admin/pclusters/v1/pcluster/main/switch", "admin:conduktor");
        assertThat(missingTarget.statusCode()).isEqualTo(400);
    }

    @Test
    void healthAndMetricsNeedNoCredentials() throws Exception {
        assertThat(send("GET", "/health/live", null).statusCode()).isEqualTo(200);
        HttpResponse<String> ready = send("GET", "/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"activeCluster\":\"main\"");

        admin.switchTo("main", "failover", false);
        String metrics = send("GET", "/metrics", null).body();
        assertThat(metrics).contains("gateway_active_cluster{cluster=\"failover\"} 1.0");
        assertThat(metrics).contains("gateway_active_cluster{cluster=\"main\"} 0.0");
        assertThat(metrics).contains("gateway_switches_total{from=\"main\",to=\"failover\"}");
        assertThat(metrics).contains("gateway_client_connections");
        assertThat(metrics).doesNotContain("conduktor");
    }

    private static void assertRefused(Runnable call, int status, String error, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GatewayAdminException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.error()).hasValueSatisfying(body -> {
                assertThat(body.error()).isEqualTo(error);
                assertThat(body.message()).contains(messagePart);
            });
        });
    }

    private static HttpResponse<String> send(String method, String path, String userColonPassword) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (userColonPassword != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
