package io.kafkafailover.gateway.proxy;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.RawKafkaConnection;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.KafkaCluster;
import io.kafkafailover.testkit.SharedKafkaClusters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Large Fetch responses, whose rest the kernel moves from backend to client socket (splice), reach
 * real consumers byte for byte: fast and slow readers, a request pipelined behind one, a client
 * that leaves in the middle of one, and the same data with zero copy turned off.
 */
class ZeroCopyTest {
    private static final String TOPIC = "zero-copy";
    private static final int RECORDS = 2_000;
    private static final int RECORD_BYTES = 8 * 1024;
    private static final int FETCH_PARTITION_BYTES = 4 * 1024 * 1024;

    private static KafkaCluster cluster;
    private static Gateway gateway;

    @BeforeAll
    static void fillTopicAndStartGateway() throws Exception {
        cluster = SharedKafkaClusters.main();
        try (Admin admin = Admin.create(cluster.adminClientProperties())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(TOPIC, key(i), value(i)));
            }
            producer.flush();
        }
        gateway = TestGateways.start(TestGateways.clusterEnv(cluster, null));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void aConsumerReadsEveryByteAndMostOfThemNeverPassThroughTheGateway() throws Exception {
        long splicedBefore = splicedFetchBytes(gateway);

        readAllAndCheck(gateway, Map.of());

        assertThat(splicedFetchBytes(gateway) - splicedBefore).as("Fetch response bytes spliced")
                .isGreaterThan((long) RECORDS * RECORD_BYTES / 2);
    }

    @Test
    void aSlowReaderHoldsTheKernelBackAndStillGetsEveryByte() throws Exception {
        // The smallest receive buffer the kernel allows: the gateway's socket to it fills at once.
        readAllAndCheck(gateway, Map.of(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 4096,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20));
    }

    @Test
    void aResponseBehindASplicedOneWaitsItsTurn() throws Exception {
        Node leader = leaderThroughGateway();
        long splicedBefore = splicedFetchBytes(gateway);
        try (RawKafkaConnection connection = new RawKafkaConnection(leader.host(), leader.port(), 4096)) {
            connection.send(ApiKeys.FETCH, (short) 12, fullFetch());
            connection.send(ApiKeys.METADATA, (short) 12, new MetadataRequestData().setTopics(List.of()));
            // Not reading yet: the Fetch response fills this small socket and its splice stalls, with
            // the Metadata response due behind it.
            Thread.sleep(500);

            FetchResponseData fetch = connection.receive(ApiKeys.FETCH, (short) 12, FetchResponseData.class);
            // The brokers' 1 MiB segments bound the response; most of it must have been spliced.
            long recordBytes = (long) checkedKeys(fetch).size() * RECORD_BYTES;
            assertThat(recordBytes).as("record bytes in the one Fetch response").isGreaterThan(4L * ZeroCopy.MIN_BYTES);
            assertThat(splicedFetchBytes(gateway) - splicedBefore).as("bytes spliced").isGreaterThan(recordBytes / 2);

            MetadataResponseData metadata = connection.receive(ApiKeys.METADATA, (short) 12, MetadataResponseData.class);
            assertThat(metadata.brokers()).hasSize(3)
                    .allSatisfy(broker -> assertThat(broker.host()).isEqualTo("127.0.0.1"));
        }
    }

    @Test
    void pipelinedLargeResponsesToAFullClientAllArriveInOrder() throws Exception {
        Node leader = leaderThroughGateway();
        long[] offsets = {0, RECORDS / 4, RECORDS / 2, 3 * RECORDS / 4};
        try (RawKafkaConnection connection = new RawKafkaConnection(leader.host(), leader.port(), 4096)) {
            for (long offset : offsets) {
                connection.send(ApiKeys.FETCH, (short) 12, fetchFrom(offset));
            }
            Thread.sleep(500); // every response after the first meets a client that is full
            for (long offset : offsets) {
                FetchResponseData fetch = connection.receive(ApiKeys.FETCH, (short) 12, FetchResponseData.class);
                List<Integer> keys = checkedKeys(fetch);
                // whole batches come back, so the first may start a little before the offset asked for
                assertThat(keys).as("records from offset %d", offset).contains((int) offset).isSorted();
            }
        }
    }

    @Test
    void aClientThatLeavesMidResponseTakesOnlyItsOwnConnections() throws Exception {
        Node leader = leaderThroughGateway();
        await().atMost(Duration.ofSeconds(30)).until(() -> connections(gateway) == 0); // the admin client's are gone
        try (RawKafkaConnection connection = new RawKafkaConnection(leader.host(), leader.port())) {
            connection.send(ApiKeys.FETCH, (short) 12, fullFetch());
            assertThat(connection.receiveSizeOnly()).as("response size").isGreaterThan(4 * ZeroCopy.MIN_BYTES);
            assertThat(connections(gateway)).isEqualTo(2);
        } // closed with most of a megabyte unread: the kernel resets the connection mid-splice
        await().atMost(Duration.ofSeconds(30)).until(() -> connections(gateway) == 0);

        readAllAndCheck(gateway, Map.of());
    }

    @Test
    void withZeroCopyOffTheSameBytesArriveThroughTheGateway() throws Exception {
        Map<String, String> env = TestGateways.clusterEnv(cluster, null);
        env.put("GATEWAY_ZERO_COPY", "false");
        try (Gateway copying = TestGateways.start(env)) {
            readAllAndCheck(copying, Map.of());
            assertThat(splicedFetchBytes(copying)).isZero();
        }
    }

    private static void readAllAndCheck(Gateway through, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, through.bootstrapServers());
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<Integer> keys = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (keys.size() < RECORDS) {
                assertThat(System.nanoTime()).as("read %d of %d records", keys.size(), RECORDS).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    int key = Integer.parseInt(new String(record.key()));
                    assertThat(record.value()).as("value of record %d", key).isEqualTo(value(key));
                    keys.add(key);
                });
            }
            assertThat(keys).as("keys in offset order").isSorted().hasSize(RECORDS);
        }
    }

    /** The keys of a Fetch response's records, in order, each record's value checked. */
    private static List<Integer> checkedKeys(FetchResponseData fetch) {
        FetchResponseData.PartitionData partition = fetch.responses().get(0).partitions().get(0);
        assertThat(partition.errorCode()).isZero();
        List<Integer> keys = new ArrayList<>();
        for (Record record : ((MemoryRecords) partition.records()).records()) {
            int key = Integer.parseInt(new String(bytes(record.key())));
            assertThat(bytes(record.value())).as("value of record %d", key).isEqualTo(value(key));
            keys.add(key);
        }
        return keys;
    }

    private static FetchRequestData fullFetch() {
        return fetchFrom(0);
    }

    private static FetchRequestData fetchFrom(long offset) {
        return new FetchRequestData().setReplicaId(-1).setMaxWaitMs(500).setMinBytes(1)
                .setMaxBytes(2 * FETCH_PARTITION_BYTES).setSessionId(0).setSessionEpoch(-1)
                .setTopics(List.of(new FetchRequestData.FetchTopic().setTopic(TOPIC).setPartitions(List.of(
                        new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(offset)
                                .setPartitionMaxBytes(FETCH_PARTITION_BYTES).setLogStartOffset(-1)))));
    }

    private static Node leaderThroughGateway() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers()))) {
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(TOPIC).partitions().get(0).leader();
        }
    }

    private static long splicedFetchBytes(Gateway from) throws Exception {
        return (long) TestGateways.metricSum(from, "gateway_response_spliced_bytes_total{api=\"Fetch\"");
    }

    /** Client connections plus the gateway's connections to brokers on their behalf. */
    private static int connections(Gateway from) throws Exception {
        return (int) (TestGateways.metricSum(from, "gateway_client_connections")
                + TestGateways.metricSum(from, "gateway_upstream_connections{cluster=\"main\""));
    }

    private static byte[] key(int index) {
        return String.valueOf(index).getBytes();
    }

    /** Different bytes for every record, so that a misplaced or repeated chunk cannot go unnoticed. */
    private static byte[] value(int index) {
        byte[] value = new byte[RECORD_BYTES];
        new Random(index).nextBytes(value);
        return value;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        return Utils.toArray(buffer);
    }
}
