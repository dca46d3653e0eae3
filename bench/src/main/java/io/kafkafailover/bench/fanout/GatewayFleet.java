package io.kafkafailover.bench.fanout;

import io.kafkafailover.bench.process.BenchPaths;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.bench.process.ChildJvm;
import io.kafkafailover.testkit.FreePortRange;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The gateway "pods" of the fan-out: real gateways on 127.0.0.2, 127.0.0.3 ..., one address each,
 * all with the same ports, as the pods of one Deployment have, in front of both benchmark clusters.
 * They run in one child JVM ({@link FanOutGatewaysMain}).
 */
final class GatewayFleet implements AutoCloseable {
    static final String ADMIN_USER = "bench-operator";
    static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError");
    /** Main's brokers 1..3 and failover's 101..103 each get ports of their own, as the README advises. */
    static final int PORT_COUNT = 8;
    private static final int FIRST_POD_ADDRESS = 2;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final ChildJvm process;
    private final List<String> ips;
    private final int portStart;
    private final String password;

    private GatewayFleet(ChildJvm process, List<String> ips, int portStart, String password) {
        this.process = process;
        this.ips = ips;
        this.portStart = portStart;
        this.password = password;
    }

    static GatewayFleet start(BenchPaths paths, BrokerClusters clusters, int count) {
        List<String> ips = IntStream.range(0, count).mapToObj(i -> "127.0.0." + (FIRST_POD_ADDRESS + i)).toList();
        // The Kafka ports, then the admin port right after them: outside the Kafka range, as the CRD requires.
        int portStart = FreePortRange.start(ips, PORT_COUNT + 2);
        // A fresh password per run, never written anywhere but the child's environment and the mock API server.
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String password = "bench-" + HexFormat.of().formatHex(secret);
        int mainBase = BrokerClusters.MAIN_BROKER_IDS.get(0);
        int failoverBase = BrokerClusters.FAILOVER_BROKER_IDS.get(0) - BrokerClusters.MAIN_BROKER_IDS.size();
        Map<String, String> env = Map.ofEntries(
                Map.entry("KAFKA_MAIN_BOOTSTRAP_SERVERS", clusters.bootstrapServers(BrokerClusters.MAIN)),
                Map.entry("KAFKA_MAIN_GATEWAY_NODE_ID_BASE", String.valueOf(mainBase)),
                Map.entry("KAFKA_FAILOVER_BOOTSTRAP_SERVERS", clusters.bootstrapServers(BrokerClusters.FAILOVER)),
                Map.entry("KAFKA_FAILOVER_GATEWAY_ROLES", "failover"),
                Map.entry("KAFKA_FAILOVER_GATEWAY_NODE_ID_BASE", String.valueOf(failoverBase)),
                Map.entry("GATEWAY_PORT_START", String.valueOf(portStart)),
                Map.entry("GATEWAY_PORT_COUNT", String.valueOf(PORT_COUNT)),
                Map.entry("GATEWAY_HTTP_PORT", String.valueOf(adminPort(portStart))),
                Map.entry("GATEWAY_ACTIVE_CLUSTER", BrokerClusters.MAIN),
                Map.entry("GATEWAY_ADMIN_API_USERS", "[{username: " + ADMIN_USER + ", password: " + password + ", admin: true}]"));
        ChildJvm.Spec spec = ChildJvm.Spec.mainClass("fanout-gateways", classPath(paths), FanOutGatewaysMain.class.getName(), ips)
                .withJvmOptions(JVM_OPTIONS)
                // Nothing from the harness's own environment may configure the gateways under test.
                .withEnvironment(env, List.of("GATEWAY_", "KAFKA_", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"));
        ChildJvm child = ChildJvm.start(spec, paths.workDirectory());
        try {
            child.awaitLine(FanOutGatewaysMain.READY_LINE::equals, START_TIMEOUT);
            return new GatewayFleet(child, ips, portStart, password);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
    }

    /**
     * The shipped gateway.jar, with the harness's classes for the main class only. Without the jar
     * (a build that stopped before {@code package}), the gateway's classes from where this JVM has them.
     */
    private static String classPath(BenchPaths paths) {
        String harness = paths.benchDirectory().resolve("target/classes").toString();
        if (paths.gatewayJar().isPresent()) {
            return paths.gatewayJar().get() + File.pathSeparator + harness;
        }
        try {
            URI location = Class.forName("io.kafkafailover.gateway.Gateway").getProtectionDomain().getCodeSource()
                    .getLocation().toURI();
            return Path.of(location) + File.pathSeparator + paths.classPath();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("gateway/target/gateway.jar is missing: build it with"
                    + " `mvn -pl bench -am package -DskipTests` (./run-benchmarks does)", e);
        }
    }

    private static int adminPort(int portStart) {
        return portStart + PORT_COUNT + 1;
    }

    List<String> ips() {
        return ips;
    }

    int portStart() {
        return portStart;
    }

    int adminPort() {
        return adminPort(portStart);
    }

    String password() {
        return password;
    }

    URI adminUri(String ip) {
        return URI.create("http://" + ip + ":" + adminPort());
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }
}
