package io.kafkafailover.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.requests.ResponseHeader;

import java.nio.ByteBuffer;

/** Decodes and encodes whole response frames with kafka-clients' generated message classes. */
public final class ResponseCodec {

    /** A decoded response; {@code version} is the one it was read with and must be written with. */
    public record Decoded(ResponseHeader header, ApiMessage body, short version) {
    }

    private ResponseCodec() {
    }

    /**
     * Reads a response frame (size prefix included). Records inside Fetch responses are read as
     * slices of the frame, not copied, so the frame must outlive the decoded message.
     */
    public static Decoded decode(ByteBuf frame, ApiKeys apiKey, short version) {
        try {
            return read(frame, apiKey, version);
        } catch (RuntimeException e) {
            // A broker answers an ApiVersions request it cannot serve with a version 0 body (KIP-511).
            if (apiKey == ApiKeys.API_VERSIONS && version != 0) {
                return read(frame, apiKey, (short) 0);
            }
            throw new InvalidFrameException(apiKey + " v" + version + " response cannot be decoded: " + e.getMessage());
        }
    }

    private static Decoded read(ByteBuf frame, ApiKeys apiKey, short version) {
        ByteBuffer buffer = frame.nioBuffer(frame.readerIndex() + KafkaFrameDecoder.SIZE_PREFIX_BYTES,
                frame.readableBytes() - KafkaFrameDecoder.SIZE_PREFIX_BYTES);
        ResponseHeader header = ResponseHeader.parse(buffer, apiKey.responseHeaderVersion(version));
        ApiMessage body = apiKey.messageType.newResponse();
        body.read(new ByteBufferAccessor(buffer), version);
        if (buffer.hasRemaining()) {
            throw new InvalidFrameException(apiKey + " v" + version + " response has " + buffer.remaining() + " trailing bytes");
        }
        return new Decoded(header, body, version);
    }

    public static ByteBuf encode(ByteBufAllocator allocator, Decoded response) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        short headerVersion = response.header().headerVersion();
        int headerSize = response.header().data().size(cache, headerVersion);
        int bodySize = response.body().size(cache, response.version());
        int size = headerSize + bodySize;
        ByteBuf out = allocator.buffer(KafkaFrameDecoder.SIZE_PREFIX_BYTES + size);
        try {
            out.writeInt(size);
            ByteBufferAccessor writer = new ByteBufferAccessor(out.nioBuffer(out.writerIndex(), size));
            response.header().data().write(writer, cache, headerVersion);
            response.body().write(writer, cache, response.version());
            out.writerIndex(out.writerIndex() + size);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }
}
