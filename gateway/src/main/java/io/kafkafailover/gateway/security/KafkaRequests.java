package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.proxy.KafkaFrameDecoder;
import io.kafkafailover.gateway.proxy.ResponseCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.ResponseHeader;

import java.nio.ByteBuffer;

/** The few requests the gateway answers itself, read and answered with kafka-clients' message classes. */
final class KafkaRequests {
    record Request(RequestHeader header, ApiMessage body) {
        ApiKeys api() {
            return header.apiKey();
        }

        short version() {
            return header.apiVersion();
        }
    }

    private KafkaRequests() {
    }

    /** The api of a request frame, or null when the frame is too short or the key unknown. */
    static ApiKeys peekApi(ByteBuf frame) {
        int start = frame.readerIndex() + KafkaFrameDecoder.SIZE_PREFIX_BYTES;
        if (frame.writerIndex() - start < 2) {
            return null;
        }
        short id = frame.getShort(start);
        return ApiKeys.hasId(id) ? ApiKeys.forId(id) : null;
    }

    /** @throws RuntimeException (Kafka's) when the frame is not a request of a version kafka-clients knows */
    static Request decode(ByteBuf frame) {
        ByteBuffer buffer = frame.nioBuffer(frame.readerIndex() + KafkaFrameDecoder.SIZE_PREFIX_BYTES,
                frame.readableBytes() - KafkaFrameDecoder.SIZE_PREFIX_BYTES);
        RequestHeader header = RequestHeader.parse(buffer);
        ApiMessage body = header.apiKey().messageType.newRequest();
        body.read(new ByteBufferAccessor(buffer), header.apiVersion());
        return new Request(header, body);
    }

    static ByteBuf response(ByteBufAllocator allocator, Request request, ApiMessage body) {
        ResponseHeader header = new ResponseHeader(request.header().correlationId(),
                request.api().responseHeaderVersion(request.version()));
        return ResponseCodec.encode(allocator, new ResponseCodec.Decoded(header, body, request.version()));
    }
}
