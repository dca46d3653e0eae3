package io.kafkafailover.gateway.routing;

import java.util.function.Supplier;

/**
 * State that belongs to one switch generation (what a cluster issued since it became active) and
 * starts afresh, empty, after each switch.
 */
final class PerSwitch<T> {
    private record Held<T>(long generation, String cluster, T value) {
    }

    private final ActiveCluster active;
    private final Supplier<T> fresh;
    private volatile Held<T> current;

    PerSwitch(ActiveCluster active, Supplier<T> fresh) {
        this.active = active;
        this.fresh = fresh;
        ActiveCluster.State state = active.state();
        this.current = new Held<>(state.generation(), state.cluster().name(), fresh.get());
    }

    /** The state of the current generation. */
    T get() {
        Held<T> held = current;
        ActiveCluster.State state = active.state();
        if (state.generation() != held.generation()) {
            synchronized (this) {
                if (current.generation() != state.generation()) {
                    current = new Held<>(state.generation(), state.cluster().name(), fresh.get());
                }
                held = current;
            }
        }
        return held.value();
    }

    long generation() {
        get();
        return current.generation();
    }

    /** Whether {@code cluster} is the one active in the current generation. */
    boolean isCurrent(String cluster) {
        get();
        return current.cluster().equals(cluster);
    }
}
