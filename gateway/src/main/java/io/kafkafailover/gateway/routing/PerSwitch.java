package io.kafkafailover.gateway.routing;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * State that belongs to one switch generation (what a cluster issued since it became active) and
 * starts afresh, empty, after each switch. A connection asks for the state of the generation it was
 * routed in, and gets none once a switch has made that generation history: a check made just
 * before a switch must not write into, or be answered from, the state of the next one.
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

    /** The state of {@code generation}, if it is still the current one. */
    Optional<T> of(long generation) {
        Held<T> held = latest();
        return held.generation() == generation ? Optional.of(held.value()) : Optional.empty();
    }

    /** The state of the current generation, if {@code cluster} is the one active in it. */
    Optional<T> ofActive(String cluster) {
        Held<T> held = latest();
        return held.cluster().equals(cluster) ? Optional.of(held.value()) : Optional.empty();
    }

    private Held<T> latest() {
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
        return held;
    }
}
