package io.kafkafailover.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real HTTP server on loopback that plays a gateway: it checks the credentials itself
 * and answers the way the admin API is specified to.
 */
class GatewayAdminClientTest {

    static final String USER = "admin";
    static final String PASSWORD = "conduktor";
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    HttpServer server;
    URI baseUri;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    volatile String active = "main";

    @BeforeEach
    void startGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/admin/pclusters/v1", this::handle);
        server.createContext("/slow", exchange -> {
            awaitRelease();
            respond(exchange, 200, "{}");
        });
        server.createContext("/proxy-error", exchange -> respond(exchange, 502, "<html><body>Bad gateway</body></html>"));
        server.start();
        baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopGateway() {
        release.countDown();
        server.stop(0);
    }

    void handle(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"unauthorized\",\"message\":\"bad credentials\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        if (path.equals("/admin/pclusters/v1/pcluster/main/switch") && exchange.getRequestMethod().equals("POST")) {
            if (query.equals("to=failover") || query.equals("to=main") || query.equals("to=failover&force=true")) {
                String previous = active;
                active = query.substring(3).replace("&force=true", "");
                respond(exchange, 200, """
                        {"message":"Cluster switched","pcluster":"main","active":"%s","previous":"%s",
                         "switchedAt":"2025-01-02T03:04:05Z","connectionsClosed":3}""".formatted(active, previous));
            } else if (query.equals("to=standby")) {
                respond(exchange, 409, "{\"error\":\"preflight_failed\",\"message\":\"standby does not answer\"}");
            } else {
                respond(exchange, 404, "{\"error\":\"not_found\",\"message\":\"unknown cluster\"}");
            }
        } else if (path.equals("/admin/pclusters/v1/pcluster/main") && exchange.getRequestMethod().equals("GET")) {
            respond(exchange, 200, pcluster());
        } else if (path.equals("/admin/pclusters/v1") && exchange.getRequestMethod().equals("GET")) {
            respond(exchange, 200, "{\"pclusters\":[" + pcluster() + "]}");
        } else {
            respond(exchange, 404, "{\"error\":\"not_found\",\"message\":\"no such pcluster\"}");
        }
    }

    String pcluster() {
        return """
                {"name":"main","active":"%s","switchedAt":null,"clusters":[
                 {"name":"main","roles":[],"bootstrapServers":"primary:9092","active":%s},
                 {"name":"failover","roles":["failover"],"bootstrapServers":"secondary:9092","active":%s}]}"""
                .formatted(active, active.equals("main"), active.equals("failover"));
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    GatewayAdminClient client() {
        return new GatewayAdminClient(baseUri, USER, PASSWORD, TIMEOUT);
    }

    @Test
    void switchesAndReadsTheActiveCluster() {
        try (GatewayAdminClient client = client()) {
            SwitchResult result = client.switchTo("main", "failover", false);

            assertThat(result).isEqualTo(new SwitchResult("Cluster switched", "main", "failover", "main",
                    "2025-01-02T03:04:05Z", 3));
            assertThat(client.get("main").active()).isEqualTo("failover");
            PClustersView all = client.list();
            assertThat(all.pclusters()).singleElement().satisfies(main -> {
                assertThat(main.active()).isEqualTo("failover");
                assertThat(main.switchedAt()).isNull();
                assertThat(main.clusters()).extracting(ClusterView::name, ClusterView::active)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("main", false),
                                org.assertj.core.groups.Tuple.tuple("failover", true));
            });
        }
        assertThat(requests).containsExactly(
                "POST /admin/pclusters/v1/pcluster/main/switch?to=failover",
                "GET /admin/pclusters/v1/pcluster/main",
                "GET /admin/pclusters/v1");
    }

    @Test
    void forceIsSentOnlyWhenAsked() {
        try (GatewayAdminClient client = client()) {
            client.switchTo("main", "failover", true);
        }
        assertThat(requests).containsExactly("POST /admin/pclusters/v1/pcluster/main/switch?to=failover&force=true");
    }

    @Test
    void baseUriMayEndWithASlash() {
        try (GatewayAdminClient client = new GatewayAdminClient(URI.create(baseUri + "/"), USER, PASSWORD, TIMEOUT)) {
            assertThat(client.get("main").name()).isEqualTo("main");
        }
    }

    @Test
    void errorAnswersCarryStatusAndApiError() {
        try (GatewayAdminClient client = client()) {
            assertThatThrownBy(() -> client.switchTo("main", "standby", false))
                    .isInstanceOfSatisfying(GatewayAdminException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(409);
                        assertThat(e.error()).contains(ApiError.preflightFailed("standby does not answer"));
                        assertThat(e.isNoResponse()).isFalse();
                    })
                    .hasMessage("POST " + baseUri + "/admin/pclusters/v1/pcluster/main/switch?to=standby: 409"
                            + " preflight_failed: standby does not answer");
            assertThatThrownBy(() -> client.get("payments"))
                    .isInstanceOfSatisfying(GatewayAdminException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.error().orElseThrow().error()).isEqualTo("not_found");
                    });
        }
    }

    @Test
    void wrongPasswordIs401AndNeverPrinted() {
        String wrong = "not-the-password";
        try (GatewayAdminClient client = new GatewayAdminClient(baseUri, USER, wrong, TIMEOUT)) {
            assertThatThrownBy(() -> client.switchTo("main", "failover", false))
                    .isInstanceOfSatisfying(GatewayAdminException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.error().orElseThrow().error()).isEqualTo(ApiError.UNAUTHORIZED);
                    })
                    .hasMessageNotContaining(wrong)
                    .hasMessageNotContaining(Base64.getEncoder().encodeToString((USER + ":" + wrong).getBytes()));
            assertThat(client.toString()).doesNotContain(wrong);
        }
        assertThat(active).isEqualTo("main");
    }

    @Test
    void nonJsonErrorBodyIsStillReported() {
        try (GatewayAdminClient client = new GatewayAdminClient(URI.create(baseUri + "/proxy-error"), USER, PASSWORD,
                TIMEOUT)) {
            assertThatThrownBy(client::list)
                    .isInstanceOfSatisfying(GatewayAdminException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(502);
                        assertThat(e.error()).contains(new ApiError("http_502", "<html><body>Bad gateway</body></html>"));
                    });
        }
    }

    @Test
    void slowGatewayTimesOutWithStatusMinusOne() {
        Duration shortTimeout = Duration.ofMillis(300);
        try (GatewayAdminClient client = new GatewayAdminClient(URI.create(baseUri + "/slow"), USER, PASSWORD,
                shortTimeout)) {
            long start = System.nanoTime();
            assertThatThrownBy(client::list)
                    .isInstanceOfSatisfying(GatewayAdminException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(GatewayAdminException.NO_RESPONSE);
                        assertThat(e.isNoResponse()).isTrue();
                        assertThat(e.error()).isEmpty();
                    })
                    .hasCauseInstanceOf(HttpTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void unreachableGatewayIsStatusMinusOneWithTheCause() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (GatewayAdminClient client = new GatewayAdminClient(URI.create("http://127.0.0.1:" + closedPort),
                USER, PASSWORD, TIMEOUT)) {
            assertThatThrownBy(() -> client.switchTo("main", "failover", false))
                    .isInstanceOfSatisfying(GatewayAdminException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(-1))
                    .hasCauseInstanceOf(java.net.ConnectException.class)
                    .hasMessageStartingWith("POST http://127.0.0.1:" + closedPort + "/admin/pclusters/v1/pcluster/main/switch");
        }
    }

    @Test
    void credentialsInTheUriAreRefused() {
        assertThatThrownBy(() -> new GatewayAdminClient(URI.create("http://admin:conduktor@127.0.0.1:1"), USER, PASSWORD,
                TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
    }
}
