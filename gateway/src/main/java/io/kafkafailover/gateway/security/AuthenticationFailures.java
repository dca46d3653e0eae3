package io.kafkafailover.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reports clusters that turn the gateway away. Every client connection makes its own upstream
 * connection, so one wrong password would otherwise log a line per client retry: this logs the
 * first failure of a cluster, then at most one summary per interval, and one line when the cluster
 * accepts the gateway again.
 */
final class AuthenticationFailures {
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFailures.class);

    private static final class State {
        long lastLoggedNanos;
        int suppressed;
    }

    private final long intervalNanos;
    private final Map<String, State> failing = new HashMap<>();

    AuthenticationFailures(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** @param reason what went wrong; callers make sure it holds no secret */
    synchronized void failed(String cluster, String reason) {
        long now = System.nanoTime();
        State state = failing.get(cluster);
        if (state == null) {
            state = new State();
            failing.put(cluster, state);
            state.lastLoggedNanos = now;
            LOG.warn("cluster '{}': the gateway cannot connect securely: {}", cluster, reason);
        } else if (now - state.lastLoggedNanos >= intervalNanos) {
            LOG.warn("cluster '{}': the gateway still cannot connect securely ({} more failures): {}",
                    cluster, state.suppressed + 1, reason);
            state.lastLoggedNanos = now;
            state.suppressed = 0;
        } else {
            state.suppressed++;
        }
    }

    synchronized void succeeded(String cluster) {
        if (failing.remove(cluster) != null) {
            LOG.info("cluster '{}': the gateway authenticates again", cluster);
        }
    }
}
