package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.config.ClusterConfigs;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Which backend cluster new client connections go to. Reads are lock-free; switches are rare. */
public final class ActiveCluster {
    /**
     * The active cluster; {@code generation} counts switches (0 until the first) and
     * {@code switchedAt} is empty until the first switch.
     */
    public record State(ClusterConfig cluster, long generation, Optional<Instant> switchedAt) {
    }

    private final ClusterConfigs clusters;
    private final AtomicReference<State> state;

    public ActiveCluster(ClusterConfigs clusters, String initial) {
        this.clusters = clusters;
        this.state = new AtomicReference<>(new State(require(initial), 0, Optional.empty()));
    }

    public ClusterConfig current() {
        return state.get().cluster();
    }

    public State state() {
        return state.get();
    }

    public ClusterConfigs clusters() {
        return clusters;
    }

    /** Makes {@code target} active and returns the cluster that was active before. */
    public ClusterConfig switchTo(String target) {
        ClusterConfig next = require(target);
        return state.getAndUpdate(previous -> new State(next, previous.generation() + 1, Optional.of(Instant.now()))).cluster();
    }

    private ClusterConfig require(String name) {
        return clusters.get(name).orElseThrow(() -> new IllegalArgumentException("unknown cluster '" + name + "'"));
    }
}
