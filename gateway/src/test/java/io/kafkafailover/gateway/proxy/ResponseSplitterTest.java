package io.kafkafailover.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseSplitterTest {
    private static final int MAX_FRAME_BYTES = 1 << 20;

    private final List<Integer> asked = new ArrayList<>();

    private EmbeddedChannel splitter(Set<Integer> streamed) {
        return new EmbeddedChannel(new ResponseSplitter(MAX_FRAME_BYTES, correlationId -> {
            asked.add(correlationId);
            return streamed.contains(correlationId);
        }));
    }

    @Test
    void aStreamedResponseGoesOnAsItsBytesArrive() {
        EmbeddedChannel channel = splitter(Set.of(7));
        ByteBuf response = response(7, 10_000);
        byte[] expected = ByteBufUtil.getBytes(response);

        channel.writeInbound(response.retainedSlice(0, 300));
        ResponsePiece first = channel.readInbound();
        assertThat(first.first()).isTrue();
        assertThat(first.last()).isFalse();
        assertThat(first.content().readableBytes()).isEqualTo(300);

        channel.writeInbound(response.retainedSlice(300, 5_000), response.retainedSlice(5_300, expected.length - 5_300));
        ResponsePiece second = channel.readInbound();
        ResponsePiece third = channel.readInbound();
        assertThat(second.first()).isFalse();
        assertThat(second.last()).isFalse();
        assertThat(third.last()).isTrue();
        assertThat(concat(first, second, third)).isEqualTo(expected);
        assertThat(asked).containsExactly(7);
        response.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void bytesAfterAHandedOffRestWaitForResumeAndStartTheNextResponse() {
        ResponseSplitter decoder = new ResponseSplitter(MAX_FRAME_BYTES, correlationId -> {
            asked.add(correlationId);
            return true;
        });
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        ByteBuf handedOff = response(7, 10_000);
        channel.writeInbound(handedOff.retainedSlice(0, 300));
        ResponsePiece first = channel.readInbound();
        assertThat(first.last()).isFalse();
        first.release();

        assertThat(decoder.handOff()).isEqualTo(10_000 + 8 - 300);
        handedOff.release(); // its rest went elsewhere: this decoder never sees it
        ByteBuf next = response(8, 500);
        channel.writeInbound(next.retainedDuplicate());
        assertThat((Object) channel.readInbound()).as("held while the rest is handed off").isNull();
        assertThat(asked).containsExactly(7);

        decoder.resume(channel.pipeline().context(decoder));
        ResponsePiece whole = channel.readInbound();
        assertThat(whole.first()).isTrue();
        assertThat(whole.last()).isTrue();
        assertThat(ByteBufUtil.getBytes(whole.content())).isEqualTo(ByteBufUtil.getBytes(next));
        assertThat(asked).containsExactly(7, 8);
        whole.release();
        next.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void theFirstPieceHoldsTheResponseHead() {
        EmbeddedChannel channel = splitter(Set.of(7));
        ByteBuf response = response(7, 1_000);
        channel.writeInbound(response.retainedSlice(0, 100));
        assertThat((Object) channel.readInbound()).as("head still incomplete").isNull();
        channel.writeInbound(response.retainedSlice(100, response.readableBytes() - 100));
        ResponsePiece piece = channel.readInbound();
        assertThat(piece.first()).isTrue();
        assertThat(piece.last()).isTrue();
        assertThat(piece.content().readableBytes()).isEqualTo(response.readableBytes());
        piece.release();
        response.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void aResponseThatMayBeRewrittenArrivesWholeAndTheNextIsDecidedAfterIt() {
        EmbeddedChannel channel = splitter(Set.of(2));
        ByteBuf both = Unpooled.wrappedBuffer(response(1, 2_000), response(2, 500));
        channel.writeInbound(both.retainedSlice(0, 1_000));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(both.retainedSlice(1_000, both.readableBytes() - 1_000));
        ByteBuf whole = channel.readInbound();
        assertThat(whole.readableBytes()).isEqualTo(2_000 + 8);
        assertThat(whole.getInt(4)).isEqualTo(1);
        ResponsePiece streamed = channel.readInbound();
        assertThat(streamed.content().getInt(4)).isEqualTo(2);
        assertThat(streamed.last()).isTrue();
        assertThat(asked).containsExactly(1, 2);
        whole.release();
        streamed.release();
        both.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void aNegativeOrOversizedFrameFailsFastAndOnce() {
        EmbeddedChannel negative = splitter(Set.of());
        assertThatThrownBy(() -> negative.writeInbound(Unpooled.buffer().writeInt(-1).writeInt(1)))
                .isInstanceOf(CorruptedFrameException.class);
        negative.writeInbound(Unpooled.buffer().writeInt(8).writeInt(1)); // ignored: the connection is closing
        assertThat(negative.finish()).isFalse();

        EmbeddedChannel oversized = splitter(Set.of());
        assertThatThrownBy(() -> oversized.writeInbound(Unpooled.buffer().writeInt(MAX_FRAME_BYTES + 1).writeInt(1)))
                .isInstanceOf(TooLongFrameException.class);
        assertThat(oversized.finish()).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void aFrameTooShortForACorrelationIdGoesOnWholeWithoutAsking() {
        EmbeddedChannel channel = splitter(Set.of(7));
        channel.writeInbound(Unpooled.buffer().writeInt(2).writeShort(7));
        ByteBuf frame = channel.readInbound();
        assertThat(frame.readableBytes()).isEqualTo(6);
        assertThat(asked).isEmpty();
        frame.release();
        assertThat(channel.finish()).isFalse();
    }

    private static ByteBuf response(int correlationId, int bodyBytes) {
        ByteBuf frame = Unpooled.buffer(8 + bodyBytes).writeInt(4 + bodyBytes).writeInt(correlationId);
        for (int i = 0; i < bodyBytes; i++) {
            frame.writeByte(i);
        }
        return frame;
    }

    private static byte[] concat(ResponsePiece... pieces) {
        ByteBuf all = Unpooled.buffer();
        for (ResponsePiece piece : pieces) {
            all.writeBytes(piece.content());
            piece.release();
        }
        byte[] bytes = ByteBufUtil.getBytes(all);
        all.release();
        return bytes;
    }
}
