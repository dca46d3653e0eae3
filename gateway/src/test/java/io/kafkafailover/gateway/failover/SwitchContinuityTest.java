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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Java idempotent acks=all producer sends without pause while the gateway switches main →
 * failover → main. It never fails, needs no restart, and every acknowledged record is on the
 * cluster that was active when it was acknowledged.
 */
class SwitchContinuityTest {
    private static final String TOPIC = "continuity-events";
    /** A response already on its way when the switch happened may still be delivered just after it. */
    private static final long GRACE_NANOS = Duration.ofMillis(500).toNanos();

    private static KafkaCluster main;
    private static KafkaCluster failover;
    private static Gateway gateway;

    private record Ack(String value, long atNanos) {
    }

    private record Window(String target, long startNanos, long endNanos) {
    }

    @BeforeAll
    static void start() throws Exception {
        main = SharedKafkaClusters.main();
        failover = SharedKafkaClusters.failover();
        main.admin().createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3))).all().get();
        failover.admin().createTopics(List.of(new NewTopic(TOPIC, 3, (short) 2))).all().get();
        gateway = TestGateways.start(TestGateways.clusterEnv(main, failover));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void idempotentProducerKeepsGoingAcrossMainToFailoverToMain() throws Exception {
        Queue<Ack> acks = new ConcurrentLinkedQueue<>();
        Queue<Exception> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
        Thread sender = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                String value = "event-" + i;
                producer.send(new ProducerRecord<>(TOPIC, value, value), (metadata, error) -> {
                    if (error != null) {
                        failures.add(error);
                    } else {
                        acks.add(new Ack(value, System.nanoTime()));
                    }
                });
                sleep(3);
            }
        }, "continuous-producer");
        sender.start();

        awaitAcks(acks, 200);
        Window toFailover = switchTo("failover");
        int atFailover = acks.size();
        awaitAcks(acks, atFailover + 300);
        // Records queued during the switch may all be acknowledged within the grace period, which the
        // check below leaves open; make sure enough are acknowledged after it, by failover alone.
        TimeUnit.NANOSECONDS.sleep(Math.max(0, toFailover.endNanos() + GRACE_NANOS - System.nanoTime()));
        awaitAcks(acks, acks.size() + 150);
        Window backToMain = switchTo("main");
        int atMain = acks.size();
        awaitAcks(acks, atMain + 200);
        running.set(false);
        sender.join();
        producer.flush();
        producer.close();

        assertThat(failures).as("send failures").isEmpty();
        Set<String> onMain = values(ClusterContents.readAll(main, TOPIC));
        Set<String> onFailover = values(ClusterContents.readAll(failover, TOPIC));
        int checkedOnFailover = 0;
        for (Ack ack : acks) {
            if (ack.atNanos() < toFailover.startNanos() || ack.atNanos() > backToMain.endNanos() + GRACE_NANOS) {
                assertThat(onMain).as("%s acknowledged while main was active", ack.value()).contains(ack.value());
            } else if (ack.atNanos() > toFailover.endNanos() + GRACE_NANOS && ack.atNanos() < backToMain.startNanos()) {
                assertThat(onFailover).as("%s acknowledged while failover was active", ack.value()).contains(ack.value());
                checkedOnFailover++;
            } else {
                assertThat(onMain.contains(ack.value()) || onFailover.contains(ack.value()))
                        .as("%s acknowledged during a switch is somewhere", ack.value()).isTrue();
            }
        }
        assertThat(checkedOnFailover).as("records acknowledged by the failover cluster").isGreaterThan(100);
    }

    private static Window switchTo(String target) {
        long start = System.nanoTime();
        gateway.switchTo(target, false);
        return new Window(target, start, System.nanoTime());
    }

    private static void awaitAcks(Queue<Ack> acks, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acks.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acks.size() + " of " + count + " records acknowledged");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static Set<String> values(List<ConsumerRecord<String, String>> records) {
        Set<String> values = new HashSet<>();
        records.forEach(record -> values.add(record.value()));
        return values;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
