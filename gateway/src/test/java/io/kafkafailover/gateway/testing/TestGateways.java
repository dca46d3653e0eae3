package io.kafkafailover.gateway.testing;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.config.GatewayConfig;
import io.kafkafailover.testkit.FreePortRange;
import io.kafkafailover.testkit.KafkaCluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts real gateways for tests through the same environment-variable path as production. */
public final class TestGateways {
    public static final int PORT_COUNT = 8;
    /** The seed's credentials, so that its curl commands work verbatim. */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "conduktor";

    private TestGateways() {
    }

    /** The environment naming {@code main} (and {@code failover}, when given) the way users do. */
    public static Map<String, String> clusterEnv(KafkaCluster main, KafkaCluster failover) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_MAIN_BOOTSTRAP_SERVERS", main.bootstrapServers());
        env.put("KAFKA_MAIN_GATEWAY_NODE_ID_BASE", String.valueOf(minId(main)));
        if (failover != null) {
            env.put("KAFKA_FAILOVER_BOOTSTRAP_SERVERS", failover.bootstrapServers());
            env.put("KAFKA_FAILOVER_GATEWAY_ROLES", "failover");
            // failover's brokers take the ports after main's: no port leads to a broker of each cluster
            env.put("KAFKA_FAILOVER_GATEWAY_NODE_ID_BASE", String.valueOf(minId(failover) - main.brokerIds().size()));
        }
        return env;
    }

    /** A gateway on 127.0.0.1 with a free port range, plus whatever {@code env} says. */
    public static Gateway start(Map<String, String> env) throws InterruptedException {
        Map<String, String> all = new HashMap<>(env);
        String host = all.computeIfAbsent("GATEWAY_BIND_HOST", key -> "127.0.0.1");
        all.putIfAbsent("GATEWAY_ADVERTISED_HOST", host);
        all.putIfAbsent("GATEWAY_PORT_COUNT", String.valueOf(PORT_COUNT));
        all.putIfAbsent("GATEWAY_PORT_START", String.valueOf(FreePortRange.start(List.of(host), PORT_COUNT + 1)));
        all.putIfAbsent("GATEWAY_HTTP_BIND_HOST", host);
        all.putIfAbsent("GATEWAY_HTTP_PORT", "0");
        all.putIfAbsent("GATEWAY_ADMIN_API_USERS", "[{username: " + ADMIN_USER + ", password: " + ADMIN_PASSWORD + ", admin: true}]");
        return Gateway.start(GatewayConfig.fromEnvironment(all));
    }

    /** The sum of every series on the gateway's {@code /metrics} whose line starts with {@code seriesPrefix}. */
    public static double metricSum(Gateway gateway, String seriesPrefix) throws IOException, InterruptedException {
        String credentials = ADMIN_USER + ":" + ADMIN_PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort() + "/metrics"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /metrics answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().lines().filter(line -> line.startsWith(seriesPrefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static int minId(KafkaCluster cluster) {
        return cluster.brokerIds().stream().mapToInt(Integer::intValue).min().orElse(0);
    }
}
