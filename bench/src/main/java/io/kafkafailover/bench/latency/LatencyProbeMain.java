package io.kafkafailover.bench.latency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Child JVM: one producer sending at a fixed rate, timing every record from the moment it was
 * due to its acknowledgement, in microseconds.
 *
 * <p>Why not ProducerPerformance: it reports latency percentiles in whole milliseconds, too coarse
 * for a 1 ms target. Timing from the scheduled send time, not the actual one, keeps a stall (in
 * the client, the gateway or a broker) from hiding the records that queued up behind it
 * ("coordinated omission").
 *
 * <p>Arguments: {@code <bootstrap> <topic> <records/s> <seconds> <warm-up seconds> <record size>}.
 * Prints one line: {@value #RESULT_PREFIX} followed by a {@link LatencyResult} as JSON.
 */
public final class LatencyProbeMain {
    static final String RESULT_PREFIX = "BENCH-LATENCY ";
    private static final long NOT_ACKED = -1;

    private LatencyProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        double rate = Double.parseDouble(args[2]);
        double seconds = Double.parseDouble(args[3]);
        double warmUpSeconds = Double.parseDouble(args[4]);
        int recordSize = Integer.parseInt(args[5]);

        int warmUp = (int) Math.round(rate * warmUpSeconds);
        int total = warmUp + (int) Math.round(rate * seconds);
        long intervalNanos = (long) (1_000_000_000L / rate);
        byte[] value = new byte[recordSize];
        new Random(42).nextBytes(value);
        AtomicLongArray latencyNanos = new AtomicLongArray(total);
        for (int i = 0; i < total; i++) {
            latencyNanos.set(i, NOT_ACKED);
        }
        AtomicLong errors = new AtomicLong();

        long measuredStart;
        long lastSend;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, "bench-latency-probe"), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topic); // metadata first: its fetch is not part of any record's latency
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                producer.send(new ProducerRecord<>(topic, value), (metadata, error) -> {
                    if (error == null) {
                        latencyNanos.set(index, System.nanoTime() - due);
                    } else {
                        errors.incrementAndGet();
                    }
                });
            }
            lastSend = System.nanoTime();
            measuredStart = start + warmUp * intervalNanos;
            producer.flush();
        }

        long[] measured = new long[total - warmUp];
        int acked = 0;
        for (int i = warmUp; i < total; i++) {
            long latency = latencyNanos.get(i);
            if (latency != NOT_ACKED) {
                measured[acked++] = latency;
            }
        }
        long[] sorted = Arrays.copyOf(measured, acked);
        Arrays.sort(sorted);
        double sendSeconds = (lastSend - measuredStart) / 1e9;
        LatencyResult result = new LatencyResult(rate, (total - warmUp) / sendSeconds, acked, errors.get(),
                micros(sorted, 0.50), micros(sorted, 0.99), micros(sorted, 0.999), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
        System.out.println(RESULT_PREFIX + new ObjectMapper().writeValueAsString(result));
        System.exit(0);
    }

    /** Nearest-rank percentile in microseconds. */
    private static double micros(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1000.0;
    }
}
