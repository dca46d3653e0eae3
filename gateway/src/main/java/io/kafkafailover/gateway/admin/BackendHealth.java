package io.kafkafailover.gateway.admin;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.gateway.routing.ActiveCluster;
import io.kafkafailover.gateway.routing.BrokerDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether each backend cluster answers the gateway with the gateway's credentials, checked in the
 * background. It is reported by {@code /health/ready} and in metrics but never makes the gateway
 * unready: a gateway whose active cluster died must stay in its Service so that it can be switched.
 */
public final class BackendHealth implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackendHealth.class);

    /** The last check of one cluster. */
    public record Check(boolean reachable, String error, Instant checkedAt) {
    }

    private final ActiveCluster active;
    private final BrokerDirectory directory;
    private final Map<String, Check> checks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gateway-backend-health");
        thread.setDaemon(true);
        return thread;
    });

    public BackendHealth(ActiveCluster active, BrokerDirectory directory, MeterRegistry registry, Duration interval) {
        this.active = active;
        this.directory = directory;
        for (ClusterConfig cluster : active.clusters().all()) {
            Gauge.builder("gateway.backend.reachable", checks, c -> c.containsKey(cluster.name()) && c.get(cluster.name()).reachable() ? 1 : 0)
                    .description("1 when the cluster answered the gateway's last check")
                    .tag("cluster", cluster.name()).register(registry);
        }
        scheduler.scheduleWithFixedDelay(this::checkAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkAll() {
        for (ClusterConfig cluster : active.clusters().all()) {
            directory.describe(cluster).whenComplete((nodes, error) -> {
                Check check = error == null
                        ? new Check(true, null, Instant.now())
                        : new Check(false, BrokerDirectory.rootMessage(error), Instant.now());
                Check previous = checks.put(cluster.name(), check);
                if (!check.reachable() && (previous == null || previous.reachable())) {
                    LOG.warn("cluster '{}' does not answer the gateway: {}", cluster.name(), check.error());
                } else if (check.reachable() && previous != null && !previous.reachable()) {
                    LOG.info("cluster '{}' answers the gateway again", cluster.name());
                }
            });
        }
    }

    public Map<String, Object> report() {
        Map<String, Object> clusters = new LinkedHashMap<>();
        for (ClusterConfig cluster : active.clusters().all()) {
            Check check = checks.get(cluster.name());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("active", cluster.name().equals(active.current().name()));
            entry.put("reachable", check == null ? null : check.reachable());
            if (check != null && check.error() != null) {
                entry.put("error", check.error());
            }
            if (check != null) {
                entry.put("checkedAt", check.checkedAt().toString());
            }
            clusters.put(cluster.name(), entry);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", "UP");
        report.put("activeCluster", active.current().name());
        report.put("clusters", clusters);
        return report;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
