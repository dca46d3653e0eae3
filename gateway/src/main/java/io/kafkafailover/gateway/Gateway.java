package io.kafkafailover.gateway;

import io.kafkafailover.gateway.admin.AdminApi;
import io.kafkafailover.gateway.admin.BackendHealth;
import io.kafkafailover.gateway.admin.GatewayMetrics;
import io.kafkafailover.gateway.config.ActiveClusterFileWatcher;
import io.kafkafailover.gateway.config.GatewayConfig;
import io.kafkafailover.gateway.proxy.ApiVersionsFilter;
import io.kafkafailover.gateway.proxy.ClientConnections;
import io.kafkafailover.gateway.proxy.ClientPipeline;
import io.kafkafailover.gateway.proxy.ProxyContext;
import io.kafkafailover.gateway.proxy.ProxyServer;
import io.kafkafailover.gateway.proxy.ResponseFilters;
import io.kafkafailover.gateway.proxy.Transport;
import io.kafkafailover.gateway.proxy.UpstreamPipeline;
import io.kafkafailover.gateway.routing.ActiveCluster;
import io.kafkafailover.gateway.routing.BackendProbe;
import io.kafkafailover.gateway.routing.BrokerAddressFilter;
import io.kafkafailover.gateway.routing.BrokerDirectory;
import io.kafkafailover.gateway.routing.BrokerPorts;
import io.kafkafailover.gateway.routing.FetchSessionGuard;
import io.kafkafailover.gateway.routing.ProducerIdMapper;
import io.kafkafailover.gateway.routing.SwitchRefusedException;
import io.kafkafailover.gateway.routing.Switcher;
import io.kafkafailover.gateway.routing.UpstreamRouter;
import io.kafkafailover.gateway.security.ClientListenerSecurity;
import io.kafkafailover.gateway.security.SaslApiVersions;
import io.kafkafailover.gateway.security.UpstreamSecurity;
import org.apache.kafka.common.protocol.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One running gateway: the Kafka listener in front of whichever cluster is active, the admin API
 * that switches it, and the active-cluster file that a restarted or unreachable pod converges on.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final Duration BACKEND_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PREFLIGHT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration HEALTH_CHECK_INTERVAL = Duration.ofSeconds(15);
    private static final Duration STATE_FILE_POLL_INTERVAL = Duration.ofSeconds(1);

    private final GatewayConfig config;
    private final ActiveCluster active;
    private final ClientConnections connections = new ClientConnections();
    private final Switcher switcher;
    private final GatewayMetrics metrics;
    private final AdminApi admin;
    /** Closed in reverse order of start. */
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    private Gateway(GatewayConfig config) throws InterruptedException {
        this.config = config;
        this.active = new ActiveCluster(config.clusters(), config.initialActiveCluster());
        BrokerPorts ports = new BrokerPorts(config.portStart(), config.portCount());
        Transport transport = Transport.best();
        Optional<InetSocketAddress> upstreamSource = config.upstreamBindHost().map(host -> new InetSocketAddress(host, 0));
        UpstreamPipeline upstreamPipeline = new UpstreamPipeline(config.maxFrameBytes(),
                started(UpstreamSecurity.forClusters(config.clusters())));
        BackendProbe probe = started(new BackendProbe(transport, upstreamPipeline, upstreamSource, BACKEND_REQUEST_TIMEOUT));
        BrokerDirectory directory = new BrokerDirectory(probe);
        ProducerIdMapper producerIds = new ProducerIdMapper(active, probe);
        this.metrics = new GatewayMetrics(active);
        this.switcher = new Switcher(active, directory, connections::closeAll, PREFLIGHT_TIMEOUT, metrics::switched);
        try {
            ResponseFilters filters = new ResponseFilters()
                    .add(ApiKeys.API_VERSIONS, 0, new ApiVersionsFilter(
                            Map.of(ApiKeys.FETCH, BrokerAddressFilter.LAST_ADVERTISED_FETCH_VERSION)))
                    .add(ApiKeys.API_VERSIONS, 0, new SaslApiVersions(config.clientSecurity().usesSasl()));
            new BrokerAddressFilter(config.advertisedHost(), ports, directory).registerOn(filters);
            producerIds.registerOn(filters);
            ProxyContext context = new ProxyContext(
                    new UpstreamRouter(active, ports, directory),
                    filters,
                    connections,
                    transport,
                    upstreamPipeline,
                    upstreamSource,
                    (int) BACKEND_REQUEST_TIMEOUT.toMillis(),
                    metrics,
                    producerIds,
                    new FetchSessionGuard(active),
                    config.zeroCopy());
            ClientListenerSecurity clientSecurity = started(ClientListenerSecurity.start(config.clientSecurity()));
            started(new ProxyServer(context, new ClientPipeline(config.maxFrameBytes(), clientSecurity),
                    config.bindHost(), listenerPorts(ports)));
            BackendHealth health = started(new BackendHealth(active, directory, metrics.registry(), HEALTH_CHECK_INTERVAL));
            this.admin = started(new AdminApi(config.httpBindHost(), config.httpPort(), active, switcher,
                    config.adminUsers(), metrics, health, config.adminTls()));
            config.activeClusterFile().ifPresent(file ->
                    started(new ActiveClusterFileWatcher(file, STATE_FILE_POLL_INTERVAL, this::switchFromFile)));
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Gateway up: clients bootstrap from {}:{}; active cluster '{}'",
                config.advertisedHost(), config.bootstrapPort(), active.current().name());
    }

    public static Gateway start(GatewayConfig config) throws InterruptedException {
        return new Gateway(config);
    }

    private <T extends AutoCloseable> T started(T resource) {
        resources.push(resource);
        return resource;
    }

    private static List<Integer> listenerPorts(BrokerPorts ports) {
        List<Integer> all = new ArrayList<>();
        all.add(ports.bootstrapPort());
        IntStream.range(0, ports.brokerPortCount()).forEach(slot -> all.add(ports.brokerPort(slot)));
        return all;
    }

    /** A changed state file switches as if the API had been called; an unknown cluster is logged and ignored. */
    private void switchFromFile(String target) {
        try {
            switcher.switchTo(target, false);
        } catch (SwitchRefusedException e) {
            if (e.reason() != SwitchRefusedException.Reason.PREFLIGHT_FAILED) {
                LOG.warn("Ignoring the active-cluster file: {}", e.getMessage());
                return;
            }
            throw e;
        }
    }

    /** The address clients put in {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return config.advertisedHost() + ":" + config.bootstrapPort();
    }

    public GatewayConfig config() {
        return config;
    }

    public ActiveCluster activeCluster() {
        return active;
    }

    public ClientConnections connections() {
        return connections;
    }

    /** The port the admin API listens on (useful when configured as 0). */
    public int adminPort() {
        return admin.port();
    }

    /** Switches as the admin API does; see {@link Switcher}. */
    public Switcher.Outcome switchTo(String target, boolean force) {
        return switcher.switchTo(target, force);
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("while stopping the gateway: {}", e.toString());
            }
        }
    }
}
