package io.kafkafailover.gateway.proxy;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.SharedKafkaClusters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A port whose broker the active cluster lacks is served, never refused: metadata requests are
 * answered by the cluster, and a Produce request gets NOT_LEADER_OR_FOLLOWER from the gateway, in
 * order with the responses before it, so the client refreshes its metadata instead of writing
 * through a broker that may not lead the partition.
 */
class StandInPortTest {
    private static Gateway gateway;

    @BeforeAll
    static void start() throws InterruptedException {
        gateway = TestGateways.start(TestGateways.clusterEnv(SharedKafkaClusters.main(), null));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void produceOnAPortWithoutBrokerIsAnsweredNotLeaderInOrder() throws Exception {
        // main's brokers 1, 2, 3 (base 1) use the first three broker ports; the last one stands in
        int standInPort = gateway.config().portStart() + gateway.config().portCount();
        try (Socket socket = new Socket(gateway.config().advertisedHost(), standInPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            ProduceRequestData produce = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(5000);
            produce.topicData().add(new ProduceRequestData.TopicProduceData().setName("stand-in-orders")
                    .setPartitionData(List.of(new ProduceRequestData.PartitionProduceData().setIndex(2))));
            // a Metadata request first, so that the gateway's own answer must wait for the cluster's
            write(out, RequestPeekTest.frame(ApiKeys.METADATA, (short) 12, 1, "raw", new MetadataRequestData()));
            write(out, RequestPeekTest.frame(ApiKeys.PRODUCE, (short) 9, 2, "raw", produce));

            DataInputStream in = new DataInputStream(socket.getInputStream());
            ResponseCodec.Decoded metadata = read(in, ApiKeys.METADATA, (short) 12);
            assertThat(metadata.header().correlationId()).isEqualTo(1);
            assertThat(((MetadataResponseData) metadata.body()).brokers()).hasSize(3);

            ResponseCodec.Decoded answer = read(in, ApiKeys.PRODUCE, (short) 9);
            assertThat(answer.header().correlationId()).isEqualTo(2);
            ProduceResponseData.TopicProduceResponse topic = ((ProduceResponseData) answer.body()).responses().iterator().next();
            assertThat(topic.name()).isEqualTo("stand-in-orders");
            assertThat(topic.partitionResponses()).singleElement().satisfies(partition -> {
                assertThat(partition.index()).isEqualTo(2);
                assertThat(partition.errorCode()).isEqualTo(Errors.NOT_LEADER_OR_FOLLOWER.code());
            });
        }
    }

    private static void write(OutputStream out, ByteBuf frame) throws Exception {
        byte[] bytes = new byte[frame.readableBytes()];
        frame.readBytes(bytes);
        frame.release();
        out.write(bytes);
        out.flush();
    }

    private static ResponseCodec.Decoded read(DataInputStream in, ApiKeys api, short version) {
        try {
            int size = in.readInt();
            byte[] body = new byte[size];
            in.readFully(body);
            ByteBuf frame = Unpooled.buffer(4 + size).writeInt(size).writeBytes(body);
            try {
                return ResponseCodec.decode(frame, api, version);
            } finally {
                frame.release();
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("no response for " + api, e);
        }
    }
}
