package io.kafkafailover.gateway.failover;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.KafkaCluster;
import io.kafkafailover.testkit.SharedKafkaClusters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same continuity with librdkafka (Debian's python3-confluent-kafka): an idempotent producer
 * that keeps sending while the gateway switches main → failover → main, and a consumer group that
 * resumes on failover from the offsets MirrorMaker synced. librdkafka treats OutOfOrderSequence as
 * fatal, so this is where a producer that keeps its old producer id on the new cluster shows.
 */
class LibrdkafkaContinuityTest {
    private static final String PRODUCER_TOPIC = "librdkafka-continuity-events";
    private static final String GROUP_TOPIC = "librdkafka-group-orders";
    private static final String GROUP = "librdkafka-group";
    private static final List<TopicPartition> GROUP_PARTITIONS = IntStream.range(0, 3)
            .mapToObj(partition -> new TopicPartition(GROUP_TOPIC, partition)).toList();
    private static final int BATCH = 300;
    /** A delivery report already on its way when the switch happened may arrive just after it. */
    private static final long GRACE_NANOS = Duration.ofMillis(500).toNanos();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static KafkaCluster main;
    private static KafkaCluster failover;
    private Gateway gateway;

    private record Window(long startNanos, long endNanos) {
    }

    @BeforeAll
    static void clusters() throws Exception {
        LibrdkafkaScript.requireInstalled();
        main = SharedKafkaClusters.main();
        failover = SharedKafkaClusters.failover();
        Landing.createOnBoth(PRODUCER_TOPIC, 3, main, failover);
        Landing.createOnBoth(GROUP_TOPIC, GROUP_PARTITIONS.size(), main, failover);
    }

    @BeforeEach
    void startGateway() throws InterruptedException {
        gateway = TestGateways.start(TestGateways.clusterEnv(main, failover));
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void idempotentProducerKeepsGoingAcrossMainToFailoverToMain() throws Exception {
        try (LibrdkafkaScript producer = LibrdkafkaScript.start("librdkafka/continuous_producer.py",
                gateway.bootstrapServers(), PRODUCER_TOPIC)) {
            assertSameClock(producer);

            awaitDeliveries(producer, 200);
            Window toFailover = switchTo("failover");
            awaitDeliveries(producer, delivered(producer) + 300);
            // Records queued during the switch may all be delivered within the grace period, which
            // the check below leaves open; make sure enough are delivered after it, on failover alone.
            TimeUnit.NANOSECONDS.sleep(Math.max(0, toFailover.endNanos() + GRACE_NANOS - System.nanoTime()));
            awaitDeliveries(producer, delivered(producer) + 150);
            Window backToMain = switchTo("main");
            awaitDeliveries(producer, delivered(producer) + 200);
            int exitCode = producer.stop();

            assertNoFatalError(producer);
            assertThat(exitCode).as("exit code; stderr: %s", producer.stderr()).isZero();
            JsonNode stopped = producer.await("stopped", event -> true, WAIT);
            assertThat(stopped.get("undelivered").asInt()).as("messages still queued at the end").isZero();
            List<JsonNode> deliveries = producer.events("delivery");
            assertNoFailedDelivery(deliveries);
            assertThat(deliveries).as("one report per produced record").hasSize(stopped.get("produced").asInt());
            assertThat(producer.unreadableLines()).isEmpty();

            assertEachRecordIsWhereItWasDelivered(deliveries, toFailover, backToMain);
        }
    }

    @Test
    void consumerGroupResumesOnFailoverFromTheSyncedOffsets() throws Exception {
        Replicator mirrorMaker = new Replicator(main, failover);
        try (LibrdkafkaScript first = member("librdkafka-member-1");
             LibrdkafkaScript second = member("librdkafka-member-2");
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all"),
                     new StringSerializer(), new StringSerializer())) {
            List<LibrdkafkaScript> members = List.of(first, second);
            assertSameClock(first);
            assertSameClock(second);
            await().atMost(WAIT).until(() -> members.stream().noneMatch(member -> assignment(member).isEmpty()));

            List<String> synced = produce(producer, "synced", BATCH);
            awaitConsumedAndCommitted(members, main, synced);
            assertThat(mirrorMaker.copyRecords(GROUP_TOPIC)).as("records replicated").isEqualTo(BATCH);
            Map<TopicPartition, Long> syncedOffsets = mirrorMaker.syncGroupOffsets(GROUP);

            // committed on main after the last offset sync: failover does not know they were consumed
            List<String> unsynced = produce(producer, "unsynced", BATCH);
            awaitConsumedAndCommitted(members, main, unsynced);
            assertThat(mirrorMaker.copyRecords(GROUP_TOPIC)).as("records replicated").isEqualTo(BATCH);

            long switchedAt = System.nanoTime();
            gateway.switchTo("failover", false);
            List<String> afterSwitch = produce(producer, "after-switch", BATCH);
            awaitConsumedAndCommitted(members, failover, afterSwitch);
            await().atMost(WAIT).untilAsserted(() -> assertThat(ClusterState.memberClientIds(failover, GROUP))
                    .as("the same consumer processes are the group's members on failover")
                    .containsExactlyInAnyOrder("librdkafka-member-1", "librdkafka-member-2"));

            for (LibrdkafkaScript member : members) {
                assertThat(member.stop()).as("exit code; stderr: %s", member.stderr()).isZero();
                assertNoFatalError(member);
            }
            GroupDeliveries deliveries = deliveries(members);
            assertThat(deliveries.values()).containsAll(synced).containsAll(unsynced).containsAll(afterSwitch);
            deliveries.assertResumedFromSyncedOffsets(switchedAt, syncedOffsets);
            deliveries.assertRedeliveredOnlyWhatWasNotCommitted(unsynced);
        }
    }

    private LibrdkafkaScript member(String clientId) throws Exception {
        return LibrdkafkaScript.start("librdkafka/group_consumer.py", gateway.bootstrapServers(), GROUP, GROUP_TOPIC, clientId);
    }

    /** The partitions a member holds now, replayed from its assigned/revoked/lost events. */
    private static Set<Integer> assignment(LibrdkafkaScript member) {
        Set<Integer> held = new HashSet<>();
        for (JsonNode event : member.events()) {
            String type = event.path("event").asText();
            if (type.equals("assigned")) {
                event.get("partitions").forEach(partition -> held.add(partition.asInt()));
            } else if (type.equals("revoked") || type.equals("lost")) {
                event.get("partitions").forEach(partition -> held.remove(partition.asInt()));
            }
        }
        return held;
    }

    private static GroupDeliveries deliveries(List<LibrdkafkaScript> members) {
        GroupDeliveries deliveries = new GroupDeliveries(GROUP_TOPIC);
        for (LibrdkafkaScript member : members) {
            member.events("delivery").forEach(event -> deliveries.delivered(new GroupDeliveries.Delivery(
                    event.get("value").asText(), event.get("partition").asInt(), event.get("offset").asLong(),
                    event.get("monotonicNs").asLong())));
            member.events("abandoned").forEach(event -> {
                List<String> values = new ArrayList<>();
                event.get("values").forEach(value -> values.add(value.asText()));
                deliveries.abandoned(values);
            });
        }
        return deliveries;
    }

    private static void awaitConsumedAndCommitted(List<LibrdkafkaScript> members, KafkaCluster cluster, List<String> values) {
        await().atMost(WAIT).until(() -> {
            members.forEach(LibrdkafkaContinuityTest::assertNoFatalError);
            return deliveries(members).values().containsAll(values)
                    && ClusterState.committed(cluster, GROUP).equals(ClusterState.end(cluster, GROUP_PARTITIONS));
        });
    }

    private static List<String> produce(KafkaProducer<String, String> producer, String prefix, int count) throws Exception {
        List<String> values = IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
        List<Future<?>> acks = new ArrayList<>();
        for (String value : values) {
            acks.add(producer.send(new ProducerRecord<>(GROUP_TOPIC, value, value)));
        }
        for (Future<?> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
        return values;
    }

    /** The scripts stamp events with CLOCK_MONOTONIC, which is what System.nanoTime reads on Linux. */
    private static void assertSameClock(LibrdkafkaScript script) throws Exception {
        JsonNode ready = script.await("ready", event -> true, WAIT);
        assertThat(Math.abs(ready.get("monotonicNs").asLong() - System.nanoTime()))
                .as("the script's clock against System.nanoTime").isLessThan(TimeUnit.SECONDS.toNanos(5));
    }

    private static void assertNoFatalError(LibrdkafkaScript script) {
        assertThat(script.events("error")).as("fatal librdkafka errors; stderr: %s", script.stderr())
                .noneMatch(error -> error.get("fatal").asBoolean());
    }

    private static void assertNoFailedDelivery(List<JsonNode> deliveries) {
        assertThat(deliveries).as("failed deliveries")
                .allSatisfy(delivery -> assertThat(delivery.get("error").isNull()).as("%s", delivery).isTrue());
    }

    private void assertEachRecordIsWhereItWasDelivered(List<JsonNode> deliveries, Window toFailover, Window backToMain) {
        Map<String, String> onMain = byPosition(ClusterContents.readAll(main, PRODUCER_TOPIC));
        Map<String, String> onFailover = byPosition(ClusterContents.readAll(failover, PRODUCER_TOPIC));
        int checkedOnFailover = 0;
        for (JsonNode delivery : deliveries) {
            String value = delivery.get("value").asText();
            String position = delivery.get("partition").asInt() + "@" + delivery.get("offset").asLong();
            long at = delivery.get("monotonicNs").asLong();
            if (at < toFailover.startNanos() || at > backToMain.endNanos() + GRACE_NANOS) {
                assertThat(onMain.get(position)).as("%s delivered at %s while main was active", value, position).isEqualTo(value);
            } else if (at > toFailover.endNanos() + GRACE_NANOS && at < backToMain.startNanos()) {
                assertThat(onFailover.get(position)).as("%s delivered at %s while failover was active", value, position).isEqualTo(value);
                checkedOnFailover++;
            } else {
                assertThat(value.equals(onMain.get(position)) || value.equals(onFailover.get(position)))
                        .as("%s delivered at %s during a switch is there on one of the clusters (main has %s there, "
                                + "failover %s; the value is on main at %s, on failover at %s)", value, position,
                                onMain.get(position), onFailover.get(position), positionsOf(value, onMain), positionsOf(value, onFailover))
                        .isTrue();
            }
        }
        assertThat(checkedOnFailover).as("records delivered by the failover cluster").isGreaterThan(100);
    }

    private static List<String> positionsOf(String value, Map<String, String> byPosition) {
        return byPosition.entrySet().stream().filter(entry -> entry.getValue().equals(value)).map(Map.Entry::getKey).toList();
    }

    private static Map<String, String> byPosition(List<ConsumerRecord<String, String>> records) {
        Map<String, String> values = new HashMap<>();
        records.forEach(record -> values.put(record.partition() + "@" + record.offset(), record.value()));
        return values;
    }

    private Window switchTo(String target) {
        long start = System.nanoTime();
        gateway.switchTo(target, false);
        return new Window(start, System.nanoTime());
    }

    private static int delivered(LibrdkafkaScript producer) {
        return producer.events("delivery").size();
    }

    /** Fails at once on a fatal error or a failed delivery rather than waiting out the timeout. */
    private static void awaitDeliveries(LibrdkafkaScript producer, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (delivered(producer) < count) {
            assertNoFatalError(producer);
            assertNoFailedDelivery(producer.events("delivery"));
            if (System.nanoTime() > deadline) {
                List<JsonNode> errors = producer.events("error");
                throw new AssertionError("only " + delivered(producer) + " of " + count + " records delivered; last errors: "
                        + errors.subList(Math.max(0, errors.size() - 3), errors.size()) + "; stderr: " + producer.stderr());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
