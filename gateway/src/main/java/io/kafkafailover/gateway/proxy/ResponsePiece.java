package io.kafkafailover.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * Consecutive bytes of one response that goes to the client as it arrives (see
 * {@link ResponseSplitter}). The first piece starts with the size prefix and holds at least
 * {@link ResponseSplitter#HEAD_BYTES} of the response, or all of it.
 */
final class ResponsePiece extends DefaultByteBufHolder {
    private final boolean first;
    private final boolean last;

    ResponsePiece(ByteBuf bytes, boolean first, boolean last) {
        super(bytes);
        this.first = first;
        this.last = last;
    }

    boolean first() {
        return first;
    }

    boolean last() {
        return last;
    }
}
