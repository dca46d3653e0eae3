package io.kafkafailover.bench.process;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every gateway the harness starts shares: the run's two clusters, declared in the
 * environment the way a pod's are, a fresh admin password, and where the gateway's classes are.
 */
public final class GatewayEnvironment {
    /** Nothing from the harness's own environment may configure a gateway under test. */
    public static final List<String> NOT_INHERITED = List.of("GATEWAY_", "KAFKA_", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private GatewayEnvironment() {
    }

    /** {@code main} and {@code failover}; the failover node id base decides whether the clusters share ports. */
    public static Map<String, String> clusters(BrokerClusters clusters, int failoverNodeIdBase) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_MAIN_BOOTSTRAP_SERVERS", clusters.bootstrapServers(BrokerClusters.MAIN));
        env.put("KAFKA_MAIN_GATEWAY_NODE_ID_BASE", String.valueOf(BrokerClusters.MAIN_BROKER_IDS.get(0)));
        env.put("KAFKA_FAILOVER_BOOTSTRAP_SERVERS", clusters.bootstrapServers(BrokerClusters.FAILOVER));
        env.put("KAFKA_FAILOVER_GATEWAY_ROLES", "failover");
        env.put("KAFKA_FAILOVER_GATEWAY_NODE_ID_BASE", String.valueOf(failoverNodeIdBase));
        return env;
    }

    /** A fresh password per run: nothing secret is ever written to a log or the report. */
    public static String freshPassword() {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        // The prefix keeps YAML from reading an all-digit password as a number.
        return "bench-" + HexFormat.of().formatHex(secret);
    }

    /** {@code GATEWAY_ADMIN_API_USERS} with one admin. */
    public static String adminUsers(String user, String password) {
        return "[{username: " + user + ", password: " + password + ", admin: true}]";
    }

    /**
     * Where this JVM loaded the gateway's classes from, for a build that stopped before
     * {@code package} and so has no gateway.jar.
     */
    public static Path gatewayClasses() {
        try {
            return Path.of(Class.forName("io.kafkafailover.gateway.Gateway").getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("gateway/target/gateway.jar is missing: build it with"
                    + " `mvn -pl bench -am package -DskipTests` (./run-benchmarks does)", e);
        }
    }

    /** The gateway's classes, then {@code rest}. */
    public static String gatewayClassPath(String rest) {
        return gatewayClasses() + File.pathSeparator + rest;
    }
}
