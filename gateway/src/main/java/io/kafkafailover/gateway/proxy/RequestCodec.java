package io.kafkafailover.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.requests.RequestHeader;

import java.nio.ByteBuffer;

/**
 * Encodes the few requests the gateway sends on its own behalf, and reads the bodies of the client
 * requests it must look into, with kafka-clients' message classes.
 */
public final class RequestCodec {
    private RequestCodec() {
    }

    /**
     * Reads the body of a request frame (size prefix included) already accepted by {@link RequestPeek}.
     * Records inside it are read as slices of the frame, not copied, so the frame must outlive the body.
     */
    public static ApiMessage decodeBody(ByteBuf frame, ApiKeys apiKey, short version) {
        ByteBuffer buffer = frame.nioBuffer(frame.readerIndex() + KafkaFrameDecoder.SIZE_PREFIX_BYTES,
                frame.readableBytes() - KafkaFrameDecoder.SIZE_PREFIX_BYTES);
        try {
            RequestHeader.parse(buffer);
            ApiMessage body = apiKey.messageType.newRequest();
            body.read(new ByteBufferAccessor(buffer), version);
            return body;
        } catch (RuntimeException e) {
            throw new InvalidFrameException(apiKey.name + " v" + version + " request cannot be decoded: " + e.getMessage());
        }
    }

    public static ByteBuf encode(ByteBufAllocator allocator, ApiKeys apiKey, short version, int correlationId,
                                 String clientId, ApiMessage body) {
        RequestHeader header = new RequestHeader(apiKey, version, clientId, correlationId);
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int headerSize = header.data().size(cache, header.headerVersion());
        int size = headerSize + body.size(cache, version);
        ByteBuf out = allocator.buffer(KafkaFrameDecoder.SIZE_PREFIX_BYTES + size);
        try {
            out.writeInt(size);
            ByteBufferAccessor writer = new ByteBufferAccessor(out.nioBuffer(out.writerIndex(), size));
            header.data().write(writer, cache, header.headerVersion());
            body.write(writer, cache, version);
            out.writerIndex(out.writerIndex() + size);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }
}
