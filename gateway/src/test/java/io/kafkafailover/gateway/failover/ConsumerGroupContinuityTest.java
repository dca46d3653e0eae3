package io.kafkafailover.gateway.failover;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.KafkaCluster;
import io.kafkafailover.testkit.SharedKafkaClusters;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A two-member Java consumer group reads through the gateway from main while a stand-in for
 * MirrorMaker 2 replicates the topic and (with the usual lag) the group's offsets to failover. After
 * the switch the same consumer instances rejoin on failover, resume from the synced offsets, re-read
 * only what the last offset sync had not covered, and go on with records produced after the switch.
 */
class ConsumerGroupContinuityTest {
    private static final String TOPIC = "group-continuity-orders";
    private static final String GROUP = "group-continuity";
    private static final List<TopicPartition> PARTITIONS = IntStream.range(0, 3)
            .mapToObj(partition -> new TopicPartition(TOPIC, partition)).toList();
    private static final int BATCH = 300;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static KafkaCluster main;
    private static KafkaCluster failover;
    private static Gateway gateway;

    private final GroupDeliveries deliveries = new GroupDeliveries(TOPIC);
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger commitsRefused = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        main = SharedKafkaClusters.main();
        failover = SharedKafkaClusters.failover();
        Landing.createOnBoth(TOPIC, PARTITIONS.size(), main, failover);
        gateway = TestGateways.start(TestGateways.clusterEnv(main, failover));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void sameConsumersResumeOnFailoverFromTheSyncedOffsets() throws Exception {
        Replicator mirrorMaker = new Replicator(main, failover);
        List<Member> members = List.of(new Member("group-member-1"), new Member("group-member-2"));
        members.forEach(Member::start);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            await().atMost(WAIT).until(() -> members.stream().allMatch(member -> !member.assigned.isEmpty()));

            List<String> synced = produce(producer, "synced", BATCH);
            awaitConsumedAndCommitted(main, synced);
            assertThat(mirrorMaker.copyRecords(TOPIC)).as("records replicated").isEqualTo(BATCH);
            Map<TopicPartition, Long> syncedOffsets = mirrorMaker.syncGroupOffsets(GROUP);
            assertThat(ClusterState.sum(syncedOffsets)).isEqualTo(BATCH);

            // committed on main after the last offset sync: failover does not know they were consumed
            List<String> unsynced = produce(producer, "unsynced", BATCH);
            awaitConsumedAndCommitted(main, unsynced);
            assertThat(mirrorMaker.copyRecords(TOPIC)).as("records replicated").isEqualTo(BATCH);

            long switchedAt = System.nanoTime();
            gateway.switchTo("failover", false);
            List<String> afterSwitch = produce(producer, "after-switch", BATCH);

            awaitConsumedAndCommitted(failover, afterSwitch);
            assertThat(deliveries.values()).containsAll(synced).containsAll(unsynced);
            await().atMost(WAIT).untilAsserted(() -> assertThat(ClusterState.memberClientIds(failover, GROUP))
                    .as("the same consumer instances are the group's members on failover")
                    .containsExactlyInAnyOrder("group-member-1", "group-member-2"));
            assertThat(ClusterState.sum(ClusterState.end(main, PARTITIONS)))
                    .as("records on main: nothing produced after the switch went there").isEqualTo(2L * BATCH);
            deliveries.assertResumedFromSyncedOffsets(switchedAt, syncedOffsets);
            deliveries.assertRedeliveredOnlyWhatWasNotCommitted(unsynced);
        } finally {
            for (Member member : members) {
                member.stop();
            }
        }
        assertThat(failures).as("consumer failures (%d commits refused)", commitsRefused.get()).isEmpty();
    }

    private static List<String> produce(KafkaProducer<String, String> producer, String prefix, int count) throws Exception {
        List<String> values = IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
        List<Future<?>> acks = new ArrayList<>();
        for (String value : values) {
            acks.add(producer.send(new ProducerRecord<>(TOPIC, value, value)));
        }
        for (Future<?> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
        return values;
    }

    /** Every value consumed, and the group's commits on {@code cluster} at the end of the log. */
    private void awaitConsumedAndCommitted(KafkaCluster cluster, List<String> values) {
        await().atMost(WAIT).until(() -> !failures.isEmpty() || (deliveries.values().containsAll(values)
                && ClusterState.committed(cluster, GROUP).equals(ClusterState.end(cluster, PARTITIONS))));
        assertThat(failures).as("consumer failures").isEmpty();
    }

    /** One group member as an application writes it: poll, process, commit; commit again before a revocation. */
    private final class Member implements ConsumerRebalanceListener {
        private final String clientId;
        private final Thread thread;
        private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
        /** Delivered since the last successful commit; touched only by the member's own thread. */
        private final List<String> pending = new ArrayList<>();
        private volatile KafkaConsumer<String, String> consumer;
        private volatile boolean running = true;

        Member(String clientId) {
            this.clientId = clientId;
            this.thread = new Thread(this::run, clientId);
        }

        void start() {
            thread.start();
        }

        private void run() {
            Map<String, Object> properties = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                    ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    // were the synced offsets missing, the group would start over: visible as mass redelivery
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
            try (KafkaConsumer<String, String> owned = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
                consumer = owned;
                owned.subscribe(List.of(TOPIC), this);
                while (running) {
                    for (ConsumerRecord<String, String> record : owned.poll(Duration.ofMillis(100))) {
                        deliveries.delivered(new GroupDeliveries.Delivery(record.value(), record.partition(), record.offset(), System.nanoTime()));
                        pending.add(record.value());
                    }
                    commit();
                }
            } catch (WakeupException e) {
                // stop() woke a blocked poll
            } catch (Throwable e) {
                failures.add(e);
            }
        }

        private void commit() {
            try {
                consumer.commitSync();
            } catch (CommitFailedException | RebalanceInProgressException e) {
                // The group moved on (a rebalance, or a coordinator that never knew this member):
                // what was not committed will be delivered again to whoever owns the partition now.
                commitsRefused.incrementAndGet();
                deliveries.abandoned(pending);
            }
            pending.clear();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit();
            assigned.removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned.addAll(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            assigned.removeAll(partitions); // nothing to commit: the partitions are no longer ours
            deliveries.abandoned(pending);
            pending.clear();
        }

        void stop() throws InterruptedException {
            running = false;
            KafkaConsumer<String, String> current = consumer;
            if (current != null) {
                current.wakeup();
            }
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
