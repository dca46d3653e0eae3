package io.kafkafailover.bench.process;

import io.kafkafailover.admin.AdminApiPaths;
import io.kafkafailover.admin.GatewayAdminClient;
import io.kafkafailover.admin.SwitchResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway under test, in its own JVM: the production {@code gateway.jar} when it was built,
 * configured through its environment exactly as a pod is, in front of both benchmark clusters.
 */
public final class GatewayProcess implements AutoCloseable {
    public static final String PCLUSTER = BrokerClusters.MAIN;
    private static final String ADMIN_USER = "bench-admin";
    private static final int PORT_COUNT = 16;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern HEAP_USED = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern RSS = Pattern.compile("^VmRSS:\\s+(\\d+) kB", Pattern.MULTILINE);

    private final ChildJvm process;
    private final String launchedFrom;
    private final int bootstrapPort;
    private final URI adminUri;
    private final GatewayAdminClient admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ADMIN_TIMEOUT).build();

    private GatewayProcess(ChildJvm process, String launchedFrom, int bootstrapPort, URI adminUri, String password) {
        this.process = process;
        this.launchedFrom = launchedFrom;
        this.bootstrapPort = bootstrapPort;
        this.adminUri = adminUri;
        this.admin = new GatewayAdminClient(adminUri, ADMIN_USER, password, ADMIN_TIMEOUT);
    }

    /**
     * @param jvmOptions the options the gateway's JVM runs with (the image's, see {@code gateway/Dockerfile})
     */
    public static GatewayProcess start(BenchPaths paths, BrokerClusters clusters, List<String> jvmOptions) {
        return start(paths, clusters, jvmOptions, Map.of(), CpuPlacement.SHARED);
    }

    /**
     * @param settings {@code GATEWAY_*} variables beyond the defaults, e.g. {@code GATEWAY_ZERO_COPY=false}
     * @param cpus     where the gateway runs: its own CPUs, or wherever the harness does
     */
    public static GatewayProcess start(BenchPaths paths, BrokerClusters clusters, List<String> jvmOptions,
                                       Map<String, String> settings, CpuPlacement cpus) {
        int portStart = FreePorts.contiguous(PORT_COUNT + 1);
        int httpPort = FreePorts.one();
        String password = GatewayEnvironment.freshPassword();
        Map<String, String> env = GatewayEnvironment.clusters(clusters, BrokerClusters.FAILOVER_BROKER_IDS.get(0));
        env.put("GATEWAY_BIND_HOST", "127.0.0.1");
        env.put("GATEWAY_ADVERTISED_HOST", "127.0.0.1");
        env.put("GATEWAY_PORT_START", String.valueOf(portStart));
        env.put("GATEWAY_PORT_COUNT", String.valueOf(PORT_COUNT));
        env.put("GATEWAY_HTTP_BIND_HOST", "127.0.0.1");
        env.put("GATEWAY_HTTP_PORT", String.valueOf(httpPort));
        env.put("GATEWAY_ADMIN_API_USERS", GatewayEnvironment.adminUsers(ADMIN_USER, password));
        env.putAll(settings);
        Launch launch = launch(paths);
        ChildJvm child = ChildJvm.start(launch.spec().withJvmOptions(jvmOptions)
                .withEnvironment(env, GatewayEnvironment.NOT_INHERITED)
                .withLauncher(cpus.gatewayLauncher()), paths.workDirectory());
        GatewayProcess gateway = new GatewayProcess(child, launch.description(), portStart,
                URI.create("http://127.0.0.1:" + httpPort), password);
        try {
            gateway.awaitReady();
            return gateway;
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    private record Launch(ChildJvm.Spec spec, String description) {
    }

    /**
     * The shipped jar when there is one. Without it (a build that stopped before {@code package}),
     * the same main class from the class path this JVM loaded the gateway from.
     */
    private static Launch launch(BenchPaths paths) {
        if (paths.gatewayJar().isPresent()) {
            Path jar = paths.gatewayJar().get();
            return new Launch(ChildJvm.Spec.jar("gateway", jar, List.of()), "gateway.jar (" + jar + ")");
        }
        return new Launch(ChildJvm.Spec.mainClass("gateway", GatewayEnvironment.gatewayClassPath(paths.classPath()),
                "io.kafkafailover.gateway.GatewayMain", List.of()),
                "class path (" + GatewayEnvironment.gatewayClasses() + "; gateway.jar not built)");
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw process.failure("exited during start-up");
            }
            try {
                if (get(AdminApiPaths.HEALTH_READY).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw process.failure("was not ready within " + START_TIMEOUT.toSeconds() + " s");
            }
            sleep(100);
        }
    }

    /** What clients put in {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + bootstrapPort;
    }

    public int bootstrapPort() {
        return bootstrapPort;
    }

    public long pid() {
        return process.pid();
    }

    public String launchedFrom() {
        return launchedFrom;
    }

    /** The admin API's switch call, as the operator and scripts make it; returns once it answered. */
    public SwitchResult switchTo(String target) {
        return admin.switchTo(PCLUSTER, target, false);
    }

    public String activeCluster() {
        return admin.get(PCLUSTER).active();
    }

    /** Resident set size of the gateway process, from the kernel. */
    public long rssBytes() {
        try {
            Matcher matcher = RSS.matcher(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status")));
            if (!matcher.find()) {
                throw new IllegalStateException("No VmRSS for the gateway");
            }
            return Long.parseLong(matcher.group(1)) * 1024;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the gateway's RSS (is it still running?)", e);
        }
    }

    /** Heap in use (live and not yet collected), from the gateway's own Prometheus metrics. */
    public long heapUsedBytes() {
        Matcher matcher = HEAP_USED.matcher(get(AdminApiPaths.METRICS).body());
        double sum = 0;
        boolean found = false;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("The gateway's /metrics has no jvm_memory_used_bytes for the heap");
        }
        return (long) sum;
    }

    private HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(adminUri.resolve(path)).timeout(ADMIN_TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close();
        process.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
