package io.kafkafailover.gateway.proxy;

import io.kafkafailover.gateway.routing.ProduceVerdict;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's own Produce answers name every partition of the request, at every version. */
class ProduceAnswerTest {
    private static final short FIRST_VERSION_WITH_TOPIC_IDS = 13;
    private static final Uuid TOPIC_ID = Uuid.randomUuid();

    static Stream<Short> versions() {
        return IntStream.rangeClosed(ApiKeys.PRODUCE.oldestVersion(), ApiKeys.PRODUCE.latestVersion(true)).mapToObj(v -> (short) v);
    }

    @ParameterizedTest(name = "Produce v{0}")
    @MethodSource("versions")
    void partitionsToRestartGetUnknownProducerIdWithALogStartOffsetAndTheRestAreRetried(short version) {
        ProduceVerdict.Partition restarting = version >= FIRST_VERSION_WITH_TOPIC_IDS
                ? new ProduceVerdict.Partition("", TOPIC_ID, 1) : new ProduceVerdict.Partition("orders", Uuid.ZERO_UUID, 1);
        Map<Integer, ProduceResponseData.PartitionProduceResponse> answered = answer(version, Set.of(restarting));

        assertThat(answered).containsOnlyKeys(0, 1);
        assertThat(answered.get(1).errorCode()).isEqualTo(Errors.UNKNOWN_PRODUCER_ID.code());
        assertThat(answered.get(0).errorCode()).isEqualTo(Errors.NOT_LEADER_OR_FOLLOWER.code());
        if (version >= 5) { // the first version with a log start offset, which the Java client needs to renumber
            assertThat(answered.get(1).logStartOffset()).isNotNegative();
        }
    }

    private static Map<Integer, ProduceResponseData.PartitionProduceResponse> answer(short version, Set<ProduceVerdict.Partition> restart) {
        ProduceRequestData.TopicProduceData topic = new ProduceRequestData.TopicProduceData().setPartitionData(List.of(
                new ProduceRequestData.PartitionProduceData().setIndex(0),
                new ProduceRequestData.PartitionProduceData().setIndex(1)));
        if (version >= FIRST_VERSION_WITH_TOPIC_IDS) {
            topic.setTopicId(TOPIC_ID);
        } else {
            topic.setName("orders");
        }
        ProduceRequestData produce = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(5000);
        produce.topicData().add(topic);
        ByteBuf request = RequestCodec.encode(UnpooledByteBufAllocator.DEFAULT, ApiKeys.PRODUCE, version, 17, "client", produce);
        ByteBuf answer;
        try {
            answer = ProduceAnswer.restartSequences(UnpooledByteBufAllocator.DEFAULT, request,
                    new RequestInfo(ApiKeys.PRODUCE, version, 17, true), restart);
        } finally {
            request.release();
        }
        try {
            ResponseCodec.Decoded decoded = ResponseCodec.decode(answer, ApiKeys.PRODUCE, version);
            assertThat(decoded.header().correlationId()).isEqualTo(17);
            Map<Integer, ProduceResponseData.PartitionProduceResponse> byIndex = new HashMap<>();
            for (ProduceResponseData.TopicProduceResponse t : ((ProduceResponseData) decoded.body()).responses()) {
                t.partitionResponses().forEach(p -> byIndex.put(p.index(), p));
            }
            return byIndex;
        } finally {
            answer.release();
        }
    }
}
