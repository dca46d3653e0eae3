package io.kafkafailover.bench.switching;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Producers that keep sending through the gateway while it is switched, logging every
 * acknowledgement with its time, partition and offset. Each record's value names its producer
 * and sequence number, so that an acknowledgement can later be matched to the cluster that holds
 * that record at that offset ({@link ClusterContents}).
 *
 * <p>Plain Kafka defaults (idempotence on, acks=all, retries until the delivery timeout): what an
 * application that never heard of the gateway runs with.
 */
final class SwitchProducers implements AutoCloseable {
    static final int VALUE_SIZE = Integer.BYTES + Long.BYTES;
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** One acknowledged record; times are {@link System#nanoTime()}. */
    record Ack(long sequence, int partition, long offset, long sentNanos, long ackedNanos) {
    }

    private final List<Sender> senders = new ArrayList<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

    SwitchProducers(String bootstrapServers, String topic, int producers, Duration sendInterval) {
        for (int id = 0; id < producers; id++) {
            senders.add(new Sender(id, bootstrapServers, topic, sendInterval));
        }
        senders.forEach(Sender::start);
    }

    int count() {
        return senders.size();
    }

    /** The latest send time among each producer's acknowledged records ({@code Long.MIN_VALUE}: none yet). */
    long latestAckedSendNanos(int producer) {
        return senders.get(producer).latestAckedSend.get();
    }

    List<Ack> acks(int producer) {
        synchronized (senders.get(producer).acks) {
            return List.copyOf(senders.get(producer).acks);
        }
    }

    /** Failed records by exception (after the client's own retries). */
    Map<String, Long> errors() {
        Map<String, Long> copy = new TreeMap<>();
        errors.forEach((type, count) -> copy.put(type, count.get()));
        return copy;
    }

    private void countError(Exception error) {
        errors.computeIfAbsent(describe(error), type -> new AtomicLong()).incrementAndGet();
    }

    /** Exception type and message, and the cause's: what a user would find in their application's log. */
    private static String describe(Exception error) {
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (error.getCause() != null && error.getCause() != error) {
            text += " (cause " + error.getCause().getClass().getSimpleName() + ": " + error.getCause().getMessage() + ")";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    static long producerOf(byte[] value) {
        return ByteBuffer.wrap(value).getInt();
    }

    static long sequenceOf(byte[] value) {
        return ByteBuffer.wrap(value).getLong(Integer.BYTES);
    }

    /**
     * Stops sending and closes the producers side by side, each waiting up to {@link #CLOSE_TIMEOUT}
     * for its outstanding records; records still unacknowledged then fail, and count as errors.
     */
    @Override
    public void close() {
        senders.forEach(Sender::stopSending);
        List<Thread> closing = senders.stream().map(sender -> new Thread(sender::close, sender.getName() + "-close")).toList();
        closing.forEach(Thread::start);
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The longest any producer took to deliver its last records when closed. */
    Duration slowestClose() {
        return senders.stream().map(sender -> sender.closeTook).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private final class Sender extends Thread {
        private final int id;
        private final String topic;
        private final long intervalNanos;
        private final KafkaProducer<byte[], byte[]> producer;
        private final List<Ack> acks = new ArrayList<>();
        private final AtomicLong latestAckedSend = new AtomicLong(Long.MIN_VALUE);
        private volatile boolean sending = true;
        private volatile Duration closeTook = Duration.ZERO;

        Sender(int id, String bootstrapServers, String topic, Duration interval) {
            super("switch-producer-" + id);
            this.id = id;
            this.topic = topic;
            this.intervalNanos = interval.toNanos();
            this.producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, "bench-switch-producer-" + id), new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public void run() {
            long next = System.nanoTime();
            for (long sequence = 0; sending; sequence++) {
                byte[] value = ByteBuffer.allocate(VALUE_SIZE).putInt(id).putLong(sequence).array();
                long sent = System.nanoTime();
                long recordSequence = sequence;
                try {
                    producer.send(new ProducerRecord<>(topic, value), (metadata, error) -> {
                        long acked = System.nanoTime();
                        if (error != null) {
                            countError(error);
                            return;
                        }
                        synchronized (acks) {
                            acks.add(new Ack(recordSequence, metadata.partition(), metadata.offset(), sent, acked));
                        }
                        latestAckedSend.accumulateAndGet(sent, Math::max);
                    });
                } catch (KafkaException e) {
                    countError(e); // refused before it was queued (metadata or buffer wait timed out): keep sending
                }
                next += intervalNanos;
                for (long wait = next - System.nanoTime(); wait > 0 && sending; wait = next - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
        }

        void stopSending() {
            sending = false;
        }

        void close() {
            try {
                join(CLOSE_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long started = System.nanoTime();
            producer.close(CLOSE_TIMEOUT);
            closeTook = Duration.ofNanos(System.nanoTime() - started);
        }
    }
}
