package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;

/**
 * Moves all traffic to another cluster: new connections go to the target at once, and every client
 * connection is closed so that clients reconnect, refresh their metadata and carry on there.
 * Before that, unless forced, the target must answer the gateway with the gateway's own credentials.
 */
public final class Switcher {
    private static final Logger LOG = LoggerFactory.getLogger(Switcher.class);
    public static final String FAILOVER_ROLE = "failover";

    /** What one switch did; {@code previous} equals {@code active} when it was already active. */
    public record Outcome(String previous, String active, Instant switchedAt, int connectionsClosed) {
    }

    private final ActiveCluster active;
    private final BrokerDirectory directory;
    private final IntSupplier closeClientConnections;
    private final Duration preflightTimeout;
    private final BiConsumer<String, String> onSwitch;

    /** @param onSwitch told (from, to) after every switch that changed the active cluster */
    public Switcher(ActiveCluster active, BrokerDirectory directory, IntSupplier closeClientConnections,
                    Duration preflightTimeout, BiConsumer<String, String> onSwitch) {
        this.active = active;
        this.directory = directory;
        this.closeClientConnections = closeClientConnections;
        this.preflightTimeout = preflightTimeout;
        this.onSwitch = onSwitch;
    }

    /** Serialised, so that two concurrent calls cannot interleave their connection closing. */
    public synchronized Outcome switchTo(String targetName, boolean force) {
        ClusterConfig target = active.clusters().get(targetName).orElseThrow(() -> new SwitchRefusedException(
                SwitchRefusedException.Reason.UNKNOWN_CLUSTER,
                "unknown cluster '" + targetName + "' (known: " + active.clusters().names() + ")"));
        if (!target.isMain() && !target.hasRole(FAILOVER_ROLE)) {
            throw new SwitchRefusedException(SwitchRefusedException.Reason.NOT_A_FAILOVER_TARGET,
                    "cluster '" + targetName + "' does not have the failover role (gateway.roles: failover)");
        }
        ActiveCluster.State current = active.state();
        if (current.cluster().name().equals(targetName)) {
            return new Outcome(targetName, targetName, current.switchedAt().orElse(Instant.now()), 0);
        }
        if (!force) {
            preflight(target);
        }
        ClusterConfig previous = active.switchTo(targetName);
        int closed = closeClientConnections.getAsInt();
        onSwitch.accept(previous.name(), targetName);
        Instant switchedAt = active.state().switchedAt().orElseThrow();
        LOG.info("Switched from '{}' to '{}'{}; closed {} client connections so that they reconnect",
                previous.name(), targetName, force ? " (forced)" : "", closed);
        return new Outcome(previous.name(), targetName, switchedAt, closed);
    }

    private void preflight(ClusterConfig target) {
        try {
            directory.describe(target).get(preflightTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw refused(target, "no answer within " + preflightTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw refused(target, BrokerDirectory.rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(target, "interrupted");
        }
    }

    private static SwitchRefusedException refused(ClusterConfig target, String why) {
        String message = "cluster '" + target.name() + "' did not answer the gateway with the gateway's credentials: "
                + why + "; nothing was switched (add force=true to switch anyway)";
        LOG.warn("Switch refused: {}", message);
        return new SwitchRefusedException(SwitchRefusedException.Reason.PREFLIGHT_FAILED, message);
    }
}
