package io.kafkafailover.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestPeekTest {

    static Stream<Short> produceVersions() {
        return IntStream.rangeClosed(ApiKeys.PRODUCE.oldestVersion(), ApiKeys.PRODUCE.latestVersion(true)).mapToObj(v -> (short) v);
    }

    @ParameterizedTest(name = "Produce v{0}")
    @MethodSource("produceVersions")
    void acksZeroProduceExpectsNoResponseAtEveryVersion(short version) {
        for (short acks : new short[]{0, 1, -1}) {
            ProduceRequestData body = new ProduceRequestData().setAcks(acks).setTimeoutMs(1000)
                    .setTransactionalId(version >= 3 ? "a-transactional-id" : null);
            ByteBuf frame = frame(ApiKeys.PRODUCE, version, 17, "a-client", body);
            try {
                RequestInfo info = RequestPeek.peek(frame);
                assertThat(info.apiKey()).isEqualTo(ApiKeys.PRODUCE);
                assertThat(info.apiVersion()).isEqualTo(version);
                assertThat(info.correlationId()).isEqualTo(17);
                assertThat(info.expectsResponse()).as("acks=%s", acks).isEqualTo(acks != 0);
                assertThat(frame.readerIndex()).isZero();
            } finally {
                frame.release();
            }
        }
    }

    @Test
    void otherRequestsAlwaysExpectAResponse() {
        ByteBuf frame = frame(ApiKeys.METADATA, (short) 12, 5, null, new MetadataRequestData());
        try {
            assertThat(RequestPeek.peek(frame)).isEqualTo(new RequestInfo(ApiKeys.METADATA, (short) 12, 5, true));
        } finally {
            frame.release();
        }
    }

    @Test
    void unknownApiKeyIsRejected() {
        ByteBuf frame = Unpooled.buffer().writeInt(8).writeShort(9999).writeShort(0).writeInt(1);
        try {
            assertThatThrownBy(() -> RequestPeek.peek(frame)).isInstanceOf(InvalidFrameException.class)
                    .hasMessageContaining("unknown api key 9999");
        } finally {
            frame.release();
        }
    }

    @Test
    void truncatedProduceIsRejectedNotMisread() {
        ByteBuf whole = frame(ApiKeys.PRODUCE, (short) 9, 1, "client", new ProduceRequestData().setAcks((short) 0));
        // keep the header but cut inside the client id
        ByteBuf truncated = Unpooled.buffer().writeInt(12).writeBytes(whole, 4, 12);
        try {
            assertThatThrownBy(() -> RequestPeek.peek(truncated)).isInstanceOf(InvalidFrameException.class)
                    .hasMessageContaining("truncated");
            assertThatThrownBy(() -> RequestPeek.peek(Unpooled.buffer().writeInt(3).writeByte(1).writeByte(2).writeByte(3)))
                    .isInstanceOf(InvalidFrameException.class).hasMessageContaining("shorter than a request header");
        } finally {
            whole.release();
            truncated.release();
        }
    }

    static ByteBuf frame(ApiKeys api, short version, int correlationId, String clientId, ApiMessage body) {
        RequestHeader header = new RequestHeader(api, version, clientId, correlationId);
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int headerSize = header.data().size(cache, header.headerVersion());
        int bodySize = body.size(cache, version);
        ByteBuffer buffer = ByteBuffer.allocate(4 + headerSize + bodySize);
        buffer.putInt(headerSize + bodySize);
        ByteBufferAccessor writer = new ByteBufferAccessor(buffer);
        header.data().write(writer, cache, header.headerVersion());
        body.write(writer, cache, version);
        buffer.flip();
        return Unpooled.wrappedBuffer(buffer);
    }
}
