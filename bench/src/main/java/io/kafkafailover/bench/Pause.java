package io.kafkafailover.bench;

import java.time.Duration;

/** Waiting in the harness's own threads: an interrupt ends the run rather than being swallowed. */
public final class Pause {
    private Pause() {
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
