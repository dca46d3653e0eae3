package io.kafkafailover.bench.memory;

import io.kafkafailover.bench.process.GatewayProcess;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Samples the gateway's memory in the background while a load runs, keeping the peak. */
public final class MemorySampler implements AutoCloseable {
    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final GatewayProcess gateway;
    private final AtomicReference<MemorySample> peak = new AtomicReference<>(new MemorySample(0, 0));
    private final Thread thread;
    private volatile boolean running = true;

    public MemorySampler(GatewayProcess gateway) {
        this.gateway = gateway;
        this.thread = new Thread(this::sampleUntilClosed, "gateway-memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public static MemorySample now(GatewayProcess gateway) {
        return new MemorySample(gateway.rssBytes(), gateway.heapUsedBytes());
    }

    private void sampleUntilClosed() {
        while (running) {
            try {
                MemorySample sample = now(gateway);
                peak.accumulateAndGet(sample, MemorySample::max);
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the gateway may be between answers; the next sample counts
            }
        }
    }

    /** Stops sampling and returns the peak seen (one last sample included). */
    public MemorySample peak() {
        close();
        peak.accumulateAndGet(now(gateway), MemorySample::max);
        return peak.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
