package io.kafkafailover.gateway.admin;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.gateway.proxy.ProxyObserver;
import io.kafkafailover.gateway.routing.ActiveCluster;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.protocol.ApiKeys;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's Prometheus metrics: which cluster is active, switches, open client and upstream
 * connections, requests and bytes by api and by client id, upstream errors.
 */
public final class GatewayMetrics implements ProxyObserver {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger clientConnections = new AtomicInteger();
    private final Map<String, AtomicInteger> upstreamConnections = new ConcurrentHashMap<>();

    public GatewayMetrics(ActiveCluster active) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        for (ClusterConfig cluster : active.clusters().all()) {
            Gauge.builder("gateway.active.cluster", active, a -> a.current().name().equals(cluster.name()) ? 1 : 0)
                    .description("1 for the cluster that new client connections go to")
                    .tag("cluster", cluster.name()).register(registry);
            Gauge.builder("gateway.upstream.connections", upstreamCount(cluster.name()), AtomicInteger::get)
                    .description("Open connections from the gateway to backend brokers")
                    .tag("cluster", cluster.name()).register(registry);
        }
        Gauge.builder("gateway.client.connections", clientConnections, AtomicInteger::get)
                .description("Open client connections").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    public void switched(String from, String to) {
        Counter.builder("gateway.switches").description("Switches of the active cluster")
                .tag("from", from).tag("to", to).register(registry).increment();
    }

    private AtomicInteger upstreamCount(String cluster) {
        return upstreamConnections.computeIfAbsent(cluster, name -> new AtomicInteger());
    }

    @Override
    public ConnectionObserver clientConnected() {
        clientConnections.incrementAndGet();
        return new Connection();
    }

    /** Counters are looked up once per connection and api, not once per request. */
    private final class Connection implements ConnectionObserver {
        private String clientId = "";
        private final Map<ApiKeys, Counter[]> counters = new EnumMap<>(ApiKeys.class);
        private final Map<ApiKeys, Counter> splicedCounters = new EnumMap<>(ApiKeys.class);

        @Override
        public void clientIdentified(String id) {
            clientId = id;
        }

        @Override
        public void upstreamConnected(String cluster) {
            upstreamCount(cluster).incrementAndGet();
        }

        @Override
        public void upstreamClosed(String cluster) {
            upstreamCount(cluster).decrementAndGet();
        }

        @Override
        public void upstreamFailed(String cluster) {
            Counter.builder("gateway.upstream.errors").description("Failed connections to backend brokers")
                    .tag("cluster", cluster).register(registry).increment();
        }

        @Override
        public void request(ApiKeys apiKey, int bytes) {
            Counter[] c = countersFor(apiKey);
            c[0].increment();
            c[1].increment(bytes);
        }

        @Override
        public void response(ApiKeys apiKey, int bytes) {
            countersFor(apiKey)[2].increment(bytes);
        }

        @Override
        public void spliced(ApiKeys apiKey, int bytes) {
            // Apart from the others: only Fetch responses are ever large enough, so only they get a series.
            splicedCounters.computeIfAbsent(apiKey, api -> counter("gateway.response.spliced.bytes",
                    "Of the response bytes to clients, those moved inside the kernel without a copy", api)).increment(bytes);
        }

        @Override
        public void closed() {
            clientConnections.decrementAndGet();
        }

        private Counter[] countersFor(ApiKeys apiKey) {
            return counters.computeIfAbsent(apiKey, api -> new Counter[]{
                    counter("gateway.requests", "Requests from clients", api),
                    counter("gateway.request.bytes", "Request bytes from clients", api),
                    counter("gateway.response.bytes", "Response bytes to clients", api)});
        }

        private Counter counter(String name, String description, ApiKeys api) {
            return Counter.builder(name).description(description)
                    .tag("api", api.name).tag("client_id", clientId).register(registry);
        }
    }
}
