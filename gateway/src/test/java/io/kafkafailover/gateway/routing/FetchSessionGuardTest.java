package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.config.ClusterConfigs;
import io.kafkafailover.gateway.proxy.KafkaFrameDecoder;
import io.kafkafailover.gateway.proxy.RequestCodec;
import io.kafkafailover.gateway.proxy.RequestInfo;
import io.kafkafailover.gateway.proxy.ResponseCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.ResponseHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Session ids the active cluster did not issue never reach it, at every Fetch version with sessions. */
class FetchSessionGuardTest {
    private static final ClusterConfigs CLUSTERS = new ClusterConfigs(List.of(
            ClusterConfig.fromKeys("main", Map.of("bootstrap.servers", "main:9092")),
            ClusterConfig.fromKeys("failover", Map.of("bootstrap.servers", "failover:9092", "gateway.roles", "failover"))));

    static Stream<Short> versions() {
        return IntStream.rangeClosed(FetchSessionGuard.FIRST_VERSION_WITH_SESSIONS, ApiKeys.FETCH.latestVersion(true))
                .mapToObj(v -> (short) v);
    }

    @ParameterizedTest(name = "Fetch v{0}")
    @MethodSource("versions")
    void aSessionFromBeforeTheSwitchIsClearedAndOneIssuedAfterItIsKept(short version) {
        ActiveCluster active = new ActiveCluster(CLUSTERS, "main");
        FetchSessionGuard guard = new FetchSessionGuard(active);
        active.switchTo("failover");
        UpstreamTarget target = new UpstreamTarget(CLUSTERS.get("failover").orElseThrow(), 1, List.of(), "test");

        FetchRequestData incremental = roundTrip(guard, target, version, 1234, 5);
        assertThat(incremental.sessionId()).isZero();
        assertThat(incremental.sessionEpoch()).as("sessionless full fetch").isEqualTo(-1);
        assertThat(incremental.maxWaitMs()).isEqualTo(500);
        assertThat(incremental.minBytes()).isEqualTo(1);
        assertThat(incremental.topics()).hasSize(1);

        FetchRequestData opening = roundTrip(guard, target, version, 1234, 0);
        assertThat(opening.sessionId()).isZero();
        assertThat(opening.sessionEpoch()).as("still opens a new session").isZero();

        ByteBuf response = ResponseCodec.encode(UnpooledByteBufAllocator.DEFAULT, new ResponseCodec.Decoded(
                new ResponseHeader(9, ApiKeys.FETCH.responseHeaderVersion(version)),
                new FetchResponseData().setSessionId(1234).setThrottleTimeMs(3), version));
        guard.observe(response, new RequestInfo(ApiKeys.FETCH, version, 9, true), target);
        response.release();

        FetchRequestData kept = roundTrip(guard, target, version, 1234, 6);
        assertThat(kept.sessionId()).isEqualTo(1234);
        assertThat(kept.sessionEpoch()).isEqualTo(6);

        active.switchTo("main");
        UpstreamTarget back = new UpstreamTarget(CLUSTERS.main(), 2, List.of(), "test");
        assertThat(roundTrip(guard, back, version, 1234, 7).sessionId()).as("failover's session never reaches main").isZero();
    }

    private static FetchRequestData roundTrip(FetchSessionGuard guard, UpstreamTarget target, short version, int sessionId, int epoch) {
        FetchRequestData request = new FetchRequestData().setMaxWaitMs(500).setMinBytes(1)
                .setSessionId(sessionId).setSessionEpoch(epoch);
        request.topics().add(new FetchRequestData.FetchTopic().setTopic("orders").setTopicId(Uuid.randomUuid())
                .setPartitions(List.of(new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(42))));
        ByteBuf frame = RequestCodec.encode(UnpooledByteBufAllocator.DEFAULT, ApiKeys.FETCH, version, 9, "consumer-1", request);
        try {
            guard.prepare(frame, new RequestInfo(ApiKeys.FETCH, version, 9, true), target);
            ByteBuffer buffer = frame.nioBuffer(KafkaFrameDecoder.SIZE_PREFIX_BYTES, frame.readableBytes() - KafkaFrameDecoder.SIZE_PREFIX_BYTES);
            RequestHeader.parse(buffer);
            return new FetchRequestData(new ByteBufferAccessor(buffer), version);
        } finally {
            frame.release();
        }
    }
}
