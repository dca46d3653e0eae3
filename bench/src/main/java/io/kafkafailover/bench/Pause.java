package io.kafkafailover.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting in the harness's own threads: an interrupt ends the run rather than being swallowed. */
public final class Pause {
    private Pause() {
    }

    /**
     * Checks {@code done} every {@code poll} until it holds; fails with {@code failure}'s message once
     * {@code timeout} has passed.
     */
    public static void until(BooleanSupplier done, Duration timeout, Duration poll, Supplier<String> failure) {
        if (!within(timeout, poll, done)) {
            throw new IllegalStateException(failure.get());
        }
    }

    /** Checks {@code done} every {@code poll} until it holds or {@code timeout} has passed; says which. */
    public static boolean within(Duration timeout, Duration poll, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(poll);
        }
        return true;
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
