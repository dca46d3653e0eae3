package io.kafkafailover.gateway.failover;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.KafkaCluster;
import io.kafkafailover.testkit.SharedKafkaClusters;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten Java idempotent producers send as fast as the clusters take it while the gateway switches
 * back and forth. Right after a switch, a producer's batch can reach the new cluster's leader while
 * the batch before it is still on its way to the old leader's port; the new cluster, which has
 * never seen the producer, would take the later batch as the start and refuse the earlier one for
 * good (the README's "Producer sequences after a switch"). No record may fail that way, and every
 * acknowledged record must be on a cluster.
 */
class ManyProducersSwitchTest {
    private static final String TOPIC = "many-producers-switch";
    private static final int PRODUCERS = 10;
    private static final int SWITCHES = 20;
    private static final int UNACKNOWLEDGED_PER_PRODUCER = 200;
    private static final long PACE_MILLIS = 5;
    /** Short, so that a stalled partition turns into failed records while the test still runs. */
    private static final int DELIVERY_TIMEOUT_MS = 20_000;

    private static KafkaCluster main;
    private static KafkaCluster failover;
    private static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        main = SharedKafkaClusters.main();
        failover = SharedKafkaClusters.failover();
        main.admin().createTopics(List.of(new NewTopic(TOPIC, 6, (short) 3))).all().get();
        failover.admin().createTopics(List.of(new NewTopic(TOPIC, 6, (short) 2))).all().get();
        gateway = TestGateways.start(TestGateways.clusterEnv(main, failover));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void noRecordFailsWhileManyProducersAtFullRateAreSwitchedBackAndForth() throws Exception {
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<Exception> failures = new ConcurrentLinkedQueue<>();
        AtomicLong acks = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<KafkaProducer<String, String>> producers = new ArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            KafkaProducer<String, String> producer = producer();
            producers.add(producer);
            String name = "p" + p;
            Thread sender = new Thread(() -> sendAtFullRate(producer, name, running, acknowledged, acks, failures), "producer-" + name);
            senders.add(sender);
            sender.start();
        }

        String target = "failover";
        for (int i = 0; i < SWITCHES; i++) {
            awaitMoreAcks(acks, 2_000);
            gateway.switchTo(target, false);
            target = target.equals("failover") ? "main" : "failover";
        }
        awaitMoreAcks(acks, 2_000);
        running.set(false);
        for (Thread sender : senders) {
            sender.join();
        }
        for (KafkaProducer<String, String> producer : producers) {
            producer.flush(); // waits for every record, up to its delivery timeout
            producer.close();
        }

        assertThat(countByKind(failures))
                .as("records that failed (a stalled partition fails its records after the delivery timeout)").isEmpty();
        Set<String> stored = new HashSet<>();
        for (KafkaCluster cluster : List.of(main, failover)) {
            for (ConsumerRecord<String, String> record : ClusterContents.readAll(cluster, TOPIC)) {
                stored.add(record.value());
            }
        }
        List<String> missing = acknowledged.stream().filter(value -> !stored.contains(value)).limit(10).toList();
        assertThat(missing).as("acknowledged records found on neither cluster").isEmpty();
        assertThat(acknowledged.size()).as("records acknowledged").isGreaterThan(2_000 * (SWITCHES + 1));
    }

    /** As fast as acknowledgements come back, never more than a bounded number outstanding. */
    private static void sendAtFullRate(KafkaProducer<String, String> producer, String name, AtomicBoolean running,
                                       Queue<String> acknowledged, AtomicLong acks, Queue<Exception> failures) {
        Semaphore outstanding = new Semaphore(UNACKNOWLEDGED_PER_PRODUCER);
        for (long i = 0; running.get(); i++) {
            try {
                if (!outstanding.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    i--;
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            String value = name + "-" + i;
            sleepMillis(PACE_MILLIS);
            producer.send(new ProducerRecord<>(TOPIC, value, value), (metadata, error) -> {
                outstanding.release();
                if (error != null) {
                    failures.add(error);
                } else {
                    acknowledged.add(value);
                    acks.incrementAndGet();
                }
            });
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Long> countByKind(Queue<Exception> failures) {
        return failures.stream().collect(Collectors.groupingBy(
                error -> error.getClass().getSimpleName() + ": " + error.getMessage(), TreeMap::new, Collectors.counting()));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS),
                new StringSerializer(), new StringSerializer());
    }

    private static void awaitMoreAcks(AtomicLong acks, long more) throws InterruptedException {
        long target = acks.get() + more;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acks.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acks.get() + " of " + target + " records acknowledged");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
