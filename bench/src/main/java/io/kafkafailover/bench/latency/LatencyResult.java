package io.kafkafailover.bench.latency;

/**
 * Produce latency of one fixed-rate run, warm-up excluded, in microseconds from each record's
 * scheduled send time to its acknowledgement.
 *
 * @param targetRate   records per second asked for
 * @param achievedRate records per second actually handed to the producer; below the target means
 *                     the producer could not keep up, and the latencies say so too
 * @param histogram    every acknowledged record's latency, for pooling the rounds
 *                     ({@link LatencyHistogram#encode})
 */
public record LatencyResult(double targetRate, double achievedRate, long acked, long errors,
                            double p50Micros, double p99Micros, double p999Micros, double maxMicros, String histogram) {
}
