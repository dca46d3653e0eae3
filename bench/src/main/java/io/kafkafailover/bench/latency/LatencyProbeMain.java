package io.kafkafailover.bench.latency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkafailover.bench.Side;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Child JVM: two producers, one straight to the brokers and one through the gateway, sending at
 * the same fixed rate at the same time, timing every record from the moment it was due to its
 * acknowledgement, in microseconds.
 *
 * <p>Why both at once: at half load on a small shared machine a run's p99 is set by stalls that
 * hold up every client (the brokers' pauses, the scheduler), and those came and went from one run
 * to the next by far more than the gateway adds. One schedule whose slots alternate between the
 * two producers puts every record of one side next to one of the other, due a slot apart, so both
 * live through the same stalls and the difference between their percentiles is the gateway's.
 *
 * <p>Why not ProducerPerformance: it reports latency percentiles in whole milliseconds, too coarse
 * for a 1 ms target. Timing from the scheduled send time, not the actual one, keeps a stall (in
 * the client, the gateway or a broker) from hiding the records that queued up behind it
 * ("coordinated omission").
 *
 * <p>Arguments: {@code <direct bootstrap> <direct topic> <gateway bootstrap> <gateway topic>
 * <records/s per side> <seconds> <warm-up seconds> <record size> <side of the first slot>}.
 * Prints one line: {@value #RESULT_PREFIX} followed by a {@link PairedLatency} as JSON.
 */
public final class LatencyProbeMain {
    static final String RESULT_PREFIX = "BENCH-LATENCY ";
    private static final long NOT_ACKED = -1;

    private LatencyProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<Side, String> bootstrap = Map.of(Side.DIRECT, args[0], Side.GATEWAY, args[2]);
        Map<Side, String> topic = Map.of(Side.DIRECT, args[1], Side.GATEWAY, args[3]);
        double ratePerSide = Double.parseDouble(args[4]);
        double seconds = Double.parseDouble(args[5]);
        double warmUpSeconds = Double.parseDouble(args[6]);
        int recordSize = Integer.parseInt(args[7]);
        Side first = Side.valueOf(args[8]);
        List<Side> slotSides = List.of(first, first == Side.DIRECT ? Side.GATEWAY : Side.DIRECT);

        int warmUpSlots = 2 * (int) Math.round(ratePerSide * warmUpSeconds);
        int totalSlots = warmUpSlots + 2 * (int) Math.round(ratePerSide * seconds);
        long slotNanos = (long) (1_000_000_000L / (2 * ratePerSide));
        byte[] value = new byte[recordSize];
        new Random(42).nextBytes(value);
        AtomicLongArray latencyNanos = new AtomicLongArray(totalSlots);
        for (int slot = 0; slot < totalSlots; slot++) {
            latencyNanos.set(slot, NOT_ACKED);
        }
        Map<Side, KafkaProducer<byte[], byte[]>> producers = new EnumMap<>(Side.class);
        Map<Side, AtomicLong> errors = Map.of(Side.DIRECT, new AtomicLong(), Side.GATEWAY, new AtomicLong());
        long measuredStart;
        long lastSend;
        try {
            for (Side side : Side.values()) {
                producers.put(side, producer(bootstrap.get(side), side));
                producers.get(side).partitionsFor(topic.get(side)); // metadata first: not part of any record's latency
            }
            long start = System.nanoTime();
            for (int slot = 0; slot < totalSlots; slot++) {
                long due = start + slot * slotNanos;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                int index = slot;
                Side side = slotSides.get(slot % 2);
                producers.get(side).send(new ProducerRecord<>(topic.get(side), value), (metadata, error) -> {
                    if (error == null) {
                        latencyNanos.set(index, System.nanoTime() - due);
                    } else {
                        errors.get(side).incrementAndGet();
                    }
                });
            }
            lastSend = System.nanoTime();
            measuredStart = start + warmUpSlots * slotNanos;
            producers.values().forEach(KafkaProducer::flush);
        } finally {
            producers.values().forEach(KafkaProducer::close);
        }

        double sendSeconds = (lastSend - measuredStart) / 1e9;
        Map<Side, LatencyResult> results = new EnumMap<>(Side.class);
        for (int offset = 0; offset < 2; offset++) {
            Side side = slotSides.get(offset);
            long[] measured = new long[(totalSlots - warmUpSlots) / 2];
            int acked = 0;
            for (int slot = warmUpSlots + offset; slot < totalSlots; slot += 2) {
                long latency = latencyNanos.get(slot);
                if (latency != NOT_ACKED) {
                    measured[acked++] = latency;
                }
            }
            long[] sorted = Arrays.copyOf(measured, acked);
            Arrays.sort(sorted);
            Histogram histogram = LatencyHistogram.empty();
            for (long latency : sorted) {
                histogram.recordValue(Math.max(1, latency / 1000));
            }
            results.put(side, new LatencyResult(ratePerSide, measured.length / sendSeconds, acked, errors.get(side).get(),
                    micros(sorted, 0.50), micros(sorted, 0.99), micros(sorted, 0.999),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0, LatencyHistogram.encode(histogram)));
        }
        PairedLatency paired = new PairedLatency(results.get(Side.DIRECT), results.get(Side.GATEWAY));
        System.out.println(RESULT_PREFIX + new ObjectMapper().writeValueAsString(paired));
        System.exit(0);
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap, Side side) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, "bench-latency-probe-" + side.label()),
                new ByteArraySerializer(), new ByteArraySerializer());
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
