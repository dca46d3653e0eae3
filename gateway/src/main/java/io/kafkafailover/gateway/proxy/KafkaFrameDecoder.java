package io.kafkafailover.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

import java.nio.ByteOrder;

/**
 * Splits the byte stream into Kafka frames (int32 size + payload). Frames keep their size prefix so
 * they can be forwarded as they are. A negative or over-limit size fails fast, before the payload
 * is buffered, and the connection's handler closes just that connection.
 */
public final class KafkaFrameDecoder extends LengthFieldBasedFrameDecoder {
    public static final int SIZE_PREFIX_BYTES = 4;

    public KafkaFrameDecoder(int maxFrameBytes) {
        super(maxFrameBytes + SIZE_PREFIX_BYTES, 0, SIZE_PREFIX_BYTES, 0, 0, true);
    }

    @Override
    protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
        int size = buf.getInt(offset); // Kafka's size is a signed int32
        if (size < 0) {
            throw new CorruptedFrameException("negative frame size " + size);
        }
        return size;
    }
}
