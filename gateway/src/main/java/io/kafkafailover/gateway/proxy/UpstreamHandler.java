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
 * lets the response filters rewrite it, and writes it back to the client.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamHandler.class);

    private final ClientHandler client;

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
            client.upstreamReady(ctx.channel());
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        RequestInfo request = client.nextInFlight();
        int correlationId = frame.readableBytes() >= 8 ? frame.getInt(frame.readerIndex() + KafkaFrameDecoder.SIZE_PREFIX_BYTES) : -1;
        if (request == null || request.correlationId() != correlationId) {
            frame.release();
            client.closeWith("cluster '" + client.target().cluster().name() + "' sent a response with correlation id "
                    + correlationId + (request == null ? " to no request" : " while " + request.correlationId() + " was expected"));
            return;
        }
        ByteBuf out;
        try {
            if (request.apiKey() == ApiKeys.FETCH) {
                client.context().fetchSessions().observe(frame, request, client.target());
            }
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
        if (!clientChannel.isWritable()) {
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
