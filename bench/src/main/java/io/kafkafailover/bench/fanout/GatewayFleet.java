package io.kafkafailover.bench.fanout;

import io.kafkafailover.bench.process.BenchPaths;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.bench.process.ChildJvm;
import io.kafkafailover.bench.process.CpuPlacement;
import io.kafkafailover.bench.process.GatewayEnvironment;
import io.kafkafailover.testkit.FreePortRange;

import java.io.File;
import java.net.URI;
import java.time.Duration;
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

    /** @param cpus where the gateways run: the benchmark's gateway CPUs, if it has any */
    static GatewayFleet start(BenchPaths paths, BrokerClusters clusters, int count, CpuPlacement cpus) {
        List<String> ips = IntStream.range(0, count).mapToObj(i -> "127.0.0." + (FIRST_POD_ADDRESS + i)).toList();
        // The Kafka ports, then the admin port right after them: outside the Kafka range, as the CRD requires.
        int portStart = FreePortRange.start(ips, PORT_COUNT + 2);
        // Never written anywhere but the child's environment and the mock API server.
        String password = GatewayEnvironment.freshPassword();
        Map<String, String> env = GatewayEnvironment.clusters(clusters,
                BrokerClusters.FAILOVER_BROKER_IDS.get(0) - BrokerClusters.MAIN_BROKER_IDS.size());
        env.put("GATEWAY_PORT_START", String.valueOf(portStart));
        env.put("GATEWAY_PORT_COUNT", String.valueOf(PORT_COUNT));
        env.put("GATEWAY_HTTP_PORT", String.valueOf(adminPort(portStart)));
        env.put("GATEWAY_ACTIVE_CLUSTER", BrokerClusters.MAIN);
        env.put("GATEWAY_ADMIN_API_USERS", GatewayEnvironment.adminUsers(ADMIN_USER, password));
        ChildJvm.Spec spec = ChildJvm.Spec.mainClass("fanout-gateways", classPath(paths), FanOutGatewaysMain.class.getName(), ips)
                .withJvmOptions(JVM_OPTIONS)
                .withEnvironment(env, GatewayEnvironment.NOT_INHERITED)
                .withLauncher(cpus.gatewayLauncher());
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
        return GatewayEnvironment.gatewayClassPath(paths.classPath());
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
