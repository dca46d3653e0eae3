package io.kafkafailover.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.buffer.Unpooled;
import org.apache.kafka.common.protocol.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The backend side of one client connection: matches each response to the request it answers,
 * lets the response filters rewrite it, and writes it back to the client. Responses no filter reads
 * are written on as their bytes arrive (see {@link ResponseSplitter}).
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter implements ResponseSplitter.Policy {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamHandler.class);

    private final ClientHandler client;
    private boolean ready;
    /** The request whose response is streaming to the client; null between responses. */
    private RequestInfo streamed;
    private int streamedBytes;
    /** Whether the rest of a large streamed response may bypass the gateway's memory (see {@link ZeroCopy}). */
    private boolean zeroCopy;
    /** Whether the kernel is moving a response's bytes to the client right now. */
    private boolean splicing;
    private Channel backend;

    UpstreamHandler(ClientHandler client) {
        this.client = client;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client.observer().upstreamConnected(client.target().cluster().name());
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == UpstreamReady.INSTANCE) {
            ready = true;
            backend = ctx.channel();
            zeroCopy = ZeroCopy.possible(client.context().zeroCopy(), ctx.channel(), client.client());
            client.upstreamReady(ctx.channel());
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    /**
     * Only a response that no filter reads may stream: the size prefix goes out first, and a rewrite
     * would change it. A response that does not match its request arrives whole, to be turned away.
     */
    @Override
    public boolean streams(int correlationId) {
        if (!ready) {
            return false; // the authenticator's own exchange, in whole frames
        }
        RequestInfo next = client.peekInFlight();
        return next != null && next.correlationId() == correlationId && !client.context().responseFilters().inspects(next);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ResponsePiece piece) {
            forwardPiece(ctx, piece);
            return;
        }
        ByteBuf frame = (ByteBuf) msg;
        RequestInfo request = client.nextInFlight();
        int correlationId = frame.readableBytes() >= 8 ? frame.getInt(frame.readerIndex() + KafkaFrameDecoder.SIZE_PREFIX_BYTES) : -1;
        if (!matches(request, correlationId)) {
            frame.release();
            return;
        }
        ByteBuf out;
        try {
            observeFetch(frame, request);
            out = client.context().responseFilters().apply(request, frame, client.target().cluster(), ctx.alloc());
        } catch (RuntimeException e) {
            frame.release();
            client.closeWith(e.getMessage());
            return;
        }
        client.observer().response(request.apiKey(), out.readableBytes());
        Channel clientChannel = client.client();
        clientChannel.write(out, clientChannel.voidPromise());
        client.writeLocalAnswersDue();
        pauseIfClientIsFull(ctx);
    }

    /**
     * Bytes of a streamed response go to the client as they come. Its request leaves the in-flight
     * queue only with the last piece, so that the gateway's own answers wait for the response's end.
     */
    private void forwardPiece(ChannelHandlerContext ctx, ResponsePiece piece) {
        if (piece.first()) {
            streamed = client.peekInFlight(); // streams() checked that it matches
            streamedBytes = 0;
            try {
                observeFetch(piece.content(), streamed);
            } catch (RuntimeException e) {
                piece.release();
                client.closeWith(e.getMessage());
                return;
            }
        }
        streamedBytes += piece.content().readableBytes();
        Channel clientChannel = client.client();
        if (piece.last()) {
            clientChannel.write(piece.content(), clientChannel.voidPromise()); // flushed with the rest of this read
            endStreamed();
        } else {
            clientChannel.writeAndFlush(piece.content(), clientChannel.voidPromise()); // the client waits for every byte
            if (piece.first() && zeroCopy) {
                spliceRest(ctx);
            }
        }
        if (!splicing) {
            pauseIfClientIsFull(ctx);
        }
    }

    private void endStreamed() {
        client.nextInFlight();
        client.observer().response(streamed.apiKey(), streamedBytes);
        streamed = null;
        client.writeLocalAnswersDue();
    }

    /**
     * Hands the rest of the streamed response to the kernel. The splitter holds back whatever the
     * backend sends next until every spliced byte is in the client's socket.
     */
    private void spliceRest(ChannelHandlerContext ctx) {
        ChannelHandlerContext splitterContext = ctx.pipeline().context(ResponseSplitter.class);
        ResponseSplitter splitter = (ResponseSplitter) splitterContext.handler();
        if (splitter.remaining() < ZeroCopy.MIN_BYTES || splitter.remaining() >= Integer.MAX_VALUE) {
            return; // Netty reads Integer.MAX_VALUE as "splice forever"
        }
        int rest = (int) splitter.handOff();
        streamedBytes += rest;
        splicing = true;
        // The kernel moves bytes only while the backend is read; Netty pauses that itself whenever
        // the client cannot take more, and resumes it when it can.
        ctx.channel().config().setAutoRead(true);
        ZeroCopy.splice(ctx.channel(), client.client(), rest).addListener(spliced -> {
            splicing = false;
            if (!spliced.isSuccess()) {
                // One side closed mid-response: the client cannot use the part it has.
                LOG.debug("upstream of client {}: response cut short: {}", client.client().remoteAddress(), spliced.cause().toString());
                client.client().close();
                ctx.close();
                return;
            }
            client.observer().spliced(streamed.apiKey(), rest);
            endStreamed();
            client.client().flush();
            readWhileClientTakesMore();
            splitter.resume(splitterContext);
        });
    }

    /**
     * The backend is read only while the client can take more; the client handler calls this when
     * the client's writability changes. While the kernel moves a response, Netty itself pauses and
     * resumes reading the backend, and resuming it here could make reads spin on a full pipe.
     */
    void readWhileClientTakesMore() {
        if (!splicing) {
            backend.config().setAutoRead(client.client().isWritable());
        }
    }

    private boolean matches(RequestInfo request, int correlationId) {
        if (request != null && request.correlationId() == correlationId) {
            return true;
        }
        client.closeWith("cluster '" + client.target().cluster().name() + "' sent a response with correlation id "
                + correlationId + (request == null ? " to no request" : " while " + request.correlationId() + " was expected"));
        return false;
    }

    private void observeFetch(ByteBuf head, RequestInfo request) {
        if (request.apiKey() == ApiKeys.FETCH) {
            client.context().fetchSessions().observe(head, request, client.target());
        }
    }

    private void pauseIfClientIsFull(ChannelHandlerContext ctx) {
        if (!client.client().isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        client.client().flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        client.client().config().setAutoRead(ctx.channel().isWritable());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.observer().upstreamClosed(client.target().cluster().name());
        if (streamed != null) {
            client.client().close(); // the client has part of a response, and the rest will never come
            return;
        }
        // Deliver what is already queued, then end the client's connection too.
        client.client().writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("upstream of client {}: {}", client.client().remoteAddress(), cause.getMessage());
        } else {
            LOG.warn("upstream of client {}: {}", client.client().remoteAddress(), cause.toString());
        }
        ctx.close();
    }
}
