package io.kafkafailover.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;

import java.util.List;

/**
 * Splits a backend's byte stream into responses, as {@link KafkaFrameDecoder} does, except that a
 * response the gateway will not look into goes on in {@link ResponsePiece}s as its bytes arrive.
 * Stored and forwarded, a 1 MiB Fetch response made the consumer wait for the gateway to read its
 * last byte before the client got its first one; cut through, both hops carry it at the same time.
 * A response that may have to be rewritten still arrives whole, as one frame.
 */
final class ResponseSplitter extends ByteToMessageDecoder {
    /**
     * Whether the response that starts now may go on in pieces. Asked once per response, in order,
     * and only after everything before it was delivered.
     */
    interface Policy {
        boolean streams(int correlationId);
    }

    /**
     * The first piece holds at least this much of the response (or all of it), so that the response
     * header and the fixed fields after it (a Fetch response's session id) can be read from it.
     */
    static final int HEAD_BYTES = 256;
    private static final int SIZE_AND_CORRELATION_ID_BYTES = KafkaFrameDecoder.SIZE_PREFIX_BYTES + 4;

    private final int maxFrameBytes;
    private final Policy policy;
    /** Whether the response whose first bytes are buffered was already decided on, and how. */
    private boolean decided;
    private boolean streaming;
    /** Bytes of the response being streamed that have not arrived yet. */
    private long remaining;
    private boolean failed;
    /** Whether the rest of the streamed response bypasses this decoder (see {@link #handOff}). */
    private boolean handedOff;

    ResponseSplitter(int maxFrameBytes, Policy policy) {
        this.maxFrameBytes = maxFrameBytes;
        this.policy = policy;
    }

    // One message per call: ByteToMessageDecoder hands it on before calling again, so the policy
    // is asked about a response only after the one before it has gone on.
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (handedOff) {
            // Netty reads nothing more until the splice is done, so this is a safety net: the next
            // response must not be matched to a request while the one before it is still going out.
            return;
        }
        if (remaining > 0) {
            int bytes = (int) Math.min(remaining, in.readableBytes());
            remaining -= bytes;
            out.add(new ResponsePiece(in.readRetainedSlice(bytes), false, remaining == 0));
            return;
        }
        if (in.readableBytes() < KafkaFrameDecoder.SIZE_PREFIX_BYTES) {
            return;
        }
        int size = in.getInt(in.readerIndex()); // Kafka's size is a signed int32
        if (size < 0 || size > maxFrameBytes) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw size < 0 ? new CorruptedFrameException("negative frame size " + size)
                    : new TooLongFrameException("frame of " + size + " bytes exceeds the limit of " + maxFrameBytes);
        }
        long frameBytes = KafkaFrameDecoder.SIZE_PREFIX_BYTES + (long) size; // a 2 GiB limit would overflow an int
        if (!decided) {
            boolean hasCorrelationId = size >= 4; // if not, the frame goes on whole, for the handler to turn away
            if (hasCorrelationId && in.readableBytes() < SIZE_AND_CORRELATION_ID_BYTES) {
                return;
            }
            streaming = hasCorrelationId && policy.streams(in.getInt(in.readerIndex() + KafkaFrameDecoder.SIZE_PREFIX_BYTES));
            decided = true;
        }
        if (!streaming) {
            if (in.readableBytes() < frameBytes) {
                return;
            }
            decided = false;
            out.add(in.readRetainedSlice((int) frameBytes));
            return;
        }
        if (in.readableBytes() < Math.min(frameBytes, HEAD_BYTES)) {
            return;
        }
        decided = false;
        int bytes = (int) Math.min(frameBytes, in.readableBytes());
        remaining = frameBytes - bytes;
        out.add(new ResponsePiece(in.readRetainedSlice(bytes), true, remaining == 0));
    }

    /** Bytes of the response being streamed that have not been read yet. */
    long remaining() {
        return remaining;
    }

    /**
     * The rest of the response being streamed will not pass through here: it is the caller's to
     * move. Bytes read after it are held until {@link #resume}.
     *
     * @return how many bytes of the response are still to come
     */
    long handOff() {
        long rest = remaining;
        remaining = 0;
        handedOff = true;
        return rest;
    }

    /** The handed-off response has gone on; decodes the bytes that arrived after it. */
    void resume(ChannelHandlerContext ctx) {
        handedOff = false;
        try {
            channelRead(ctx, Unpooled.EMPTY_BUFFER);
            channelReadComplete(ctx);
        } catch (Exception e) {
            ctx.fireExceptionCaught(e);
        }
    }
}
