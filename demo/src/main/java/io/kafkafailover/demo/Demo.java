package io.kafkafailover.demo;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.config.GatewayConfig;
import io.kafkafailover.testkit.KafkaCluster;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The running demo: two real Kafka clusters on loopback, {@code main} (brokers 1, 2, 3) and
 * {@code failover} (brokers 101, 102), and a gateway in front of them, configured through the
 * same cluster-config file and GATEWAY_* variables a user writes. Closing it stops everything and
 * deletes all data.
 */
public final class Demo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

    public static final String TOPIC = "demo-orders";
    /** The seed's credentials, so that its curl commands work verbatim. */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "conduktor";
    private static final int PARTITIONS = 3;
    /** Everything listens on loopback only: the admin password is printed on the screen. */
    private static final String BIND_HOST = "127.0.0.1";
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final DemoSettings settings;
    private final Path workDirectory;
    private final Path clusterConfigFile;
    private final KafkaCluster main;
    private final KafkaCluster failover;
    private final Gateway gateway;
    private boolean closed;

    private Demo(DemoSettings settings, Path workDirectory, Path clusterConfigFile, KafkaCluster main,
                 KafkaCluster failover, Gateway gateway) {
        this.settings = settings;
        this.workDirectory = workDirectory;
        this.clusterConfigFile = clusterConfigFile;
        this.main = main;
        this.failover = failover;
        this.gateway = gateway;
    }

    /** Starts both clusters, creates {@value #TOPIC} on each, then starts the gateway. */
    public static Demo start(DemoSettings settings) throws IOException, InterruptedException {
        PortCheck.requireFree(BIND_HOST, gatewayPorts(settings));
        Deque<AutoCloseable> started = new ArrayDeque<>();
        Path workDirectory = Files.createTempDirectory("demo-gateway-config-");
        started.push(() -> Utils.delete(workDirectory.toFile()));
        try {
            KafkaCluster main = pushed(started, KafkaCluster.builder().name("main").brokerIds(1, 2, 3).start());
            KafkaCluster failover = pushed(started, KafkaCluster.builder().name("failover").brokerIds(101, 102).start());
            createTopic(main);
            createTopic(failover);
            Path clusterConfigFile = ClusterConfigFile.write(workDirectory, main, failover);
            Gateway gateway = Gateway.start(GatewayConfig.fromEnvironment(gatewayEnvironment(settings, clusterConfigFile)));
            return new Demo(settings, workDirectory, clusterConfigFile, main, failover, gateway);
        } catch (Throwable e) {
            closeAll(started);
            throw e;
        }
    }

    /** The variables a user would export before {@code java -jar gateway.jar}. */
    static Map<String, String> gatewayEnvironment(DemoSettings settings, Path clusterConfigFile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GATEWAY_BACKEND_KAFKA_SELECTOR", "file : { path: " + clusterConfigFile + " }");
        env.put("GATEWAY_BIND_HOST", BIND_HOST);
        env.put("GATEWAY_ADVERTISED_HOST", settings.advertisedHost());
        env.put("GATEWAY_PORT_START", String.valueOf(settings.portStart()));
        env.put("GATEWAY_HTTP_BIND_HOST", BIND_HOST);
        env.put("GATEWAY_HTTP_PORT", String.valueOf(settings.httpPort()));
        env.put("GATEWAY_ADMIN_API_USERS",
                "[{username: " + ADMIN_USER + ", password: " + ADMIN_PASSWORD + ", admin: true}]");
        return env;
    }

    /** The bootstrap port, the broker ports after it and the admin port (unless any free one will do). */
    private static List<Integer> gatewayPorts(DemoSettings settings) {
        List<Integer> ports = new ArrayList<>();
        for (int port = settings.portStart(); port <= settings.portStart() + GatewayConfig.DEFAULT_PORT_COUNT; port++) {
            ports.add(port);
        }
        if (settings.httpPort() != 0) {
            ports.add(settings.httpPort());
        }
        return ports;
    }

    private static void createTopic(KafkaCluster cluster) throws InterruptedException {
        short replicas = (short) Math.min(3, cluster.brokerIds().size());
        try {
            cluster.admin().createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, replicas)))
                    .all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + TOPIC + " on cluster " + cluster.name(), e);
        }
    }

    private static <T extends AutoCloseable> T pushed(Deque<AutoCloseable> started, T resource) {
        started.push(resource);
        return resource;
    }

    public Gateway gateway() {
        return gateway;
    }

    public KafkaCluster mainCluster() {
        return main;
    }

    public KafkaCluster failoverCluster() {
        return failover;
    }

    public Path clusterConfigFile() {
        return clusterConfigFile;
    }

    /** What clients put in {@code bootstrap.servers}, e.g. {@code localhost:6969}. */
    public String bootstrapServers() {
        return gateway.bootstrapServers();
    }

    /** The admin API's base address, e.g. {@code http://localhost:8888}. */
    public String adminUrl() {
        return "http://" + settings.advertisedHost() + ":" + gateway.adminPort();
    }

    /** The cluster the gateway sends new client connections to right now. */
    public String activeCluster() {
        return gateway.activeCluster().current().name();
    }

    /** How many records {@value #TOPIC} holds on one cluster, read from that cluster directly. */
    public long recordsOn(KafkaCluster cluster) throws ExecutionException, InterruptedException, TimeoutException {
        return TopicCounts.count(cluster.admin(), TOPIC);
    }

    /** Stops the gateway, then both clusters side by side, and deletes the demo's files. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        gateway.close();
        CompletableFuture.allOf(
                CompletableFuture.runAsync(main::close),
                CompletableFuture.runAsync(failover::close)).join();
        try {
            Utils.delete(workDirectory.toFile());
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", workDirectory, e.toString());
        }
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("while cleaning up after a failed start: {}", e.toString());
            }
        }
    }
}
