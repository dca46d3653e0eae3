package io.kafkafailover.bench.latency;

import io.kafkafailover.bench.Side;

/** One latency run: both sides, measured at the same time on one schedule. */
public record PairedLatency(LatencyResult direct, LatencyResult gateway) {

    public LatencyResult of(Side side) {
        return side == Side.DIRECT ? direct : gateway;
    }
}
