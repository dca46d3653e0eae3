package io.kafkafailover.gateway.proxy;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.CapturedLog;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.SharedKafkaClusters;
import io.netty.buffer.ByteBuf;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Malformed input costs the sender its own connection, with one log line, and nothing else: a
 * producer on another connection keeps being acknowledged and no buffer leaks.
 */
class BadInputTest {
    private static final int MAX_FRAME_BYTES = 1024 * 1024;

    private static Gateway gateway;
    private static KafkaProducer<String, String> bystander;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = TestGateways.clusterEnv(SharedKafkaClusters.main(), null);
        env.put("GATEWAY_MAX_FRAME_BYTES", String.valueOf(MAX_FRAME_BYTES));
        gateway = TestGateways.start(env);
        bystander = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, gateway.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        bystander.send(new ProducerRecord<>("bad-input-bystander", "before")).get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        bystander.close();
        gateway.close();
    }

    static Stream<Arguments> malformedFrames() {
        byte[] random = new byte[256];
        new Random(42).nextBytes(random);
        random[0] = 0x7f; // a size prefix far over the limit, as random bytes usually are
        ByteBuf produce = RequestPeekTest.frame(ApiKeys.PRODUCE, (short) 9, 1, "client", new ProduceRequestData().setAcks((short) 1));
        byte[] truncatedProduce = new byte[4 + 12];
        produce.getBytes(4, truncatedProduce, 4, 12);
        produce.release();
        truncatedProduce[3] = 12; // a complete frame whose request stops inside the client id
        return Stream.of(
                Arguments.of("random bytes", random, "bad frame"),
                Arguments.of("negative size prefix", new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfb, 1, 2, 3}, "bad frame"),
                Arguments.of("size prefix over the limit", sizePrefix(MAX_FRAME_BYTES + 1), "bad frame"),
                Arguments.of("truncated request", truncatedProduce, "truncated"),
                Arguments.of("unknown api key", new byte[]{0, 0, 0, 8, 0x27, 0x0f, 0, 0, 0, 0, 0, 1}, "unknown api key 9999"),
                Arguments.of("version never advertised", new byte[]{0, 0, 0, 10, 0, 0, 0x7f, 0, 0, 0, 0, 1, -1, -1}, "never advertised"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFrames")
    void closesOnlyTheOffendingConnection(String description, byte[] bytes, String logged) throws Exception {
        try (CapturedLog log = CapturedLog.start(); Socket socket = connect()) {
            new DataOutputStream(socket.getOutputStream()).write(bytes);
            assertClosedByGateway(socket);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(log.linesContaining("closing the connection")).hasSize(1).first().asString().contains(logged));
        }
        assertBystanderCarriesOn(description);
    }

    @Test
    void clientThatDisconnectsMidRequestLeavesNothingBehind() throws Exception {
        int before = gateway.connections().count();
        try (Socket socket = connect()) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(500);
            out.write(new byte[]{0, 3, 0, 12, 0, 0, 0, 7}); // a Metadata header, then silence
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> gateway.connections().count() == before + 1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.connections().count() == before);
        assertBystanderCarriesOn("after a mid-request disconnect");
    }

    private static byte[] sizePrefix(int size) {
        return new byte[]{(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size};
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket(gateway.config().advertisedHost(), gateway.config().bootstrapPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void assertClosedByGateway(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            int read;
            do {
                read = in.read();
            } while (read != -1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the gateway kept the connection open", e);
        } catch (IOException reset) {
            // a reset is a close too
        }
    }

    private static void assertBystanderCarriesOn(String after) throws Exception {
        assertThat(bystander.send(new ProducerRecord<>("bad-input-bystander", after)).get(30, TimeUnit.SECONDS).hasOffset())
                .as("bystander acknowledged after %s", after).isTrue();
    }
}
