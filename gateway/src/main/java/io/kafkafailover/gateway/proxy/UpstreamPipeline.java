package io.kafkafailover.gateway.proxy;

import io.kafkafailover.config.ClusterConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Builds every connection the gateway makes to a backend cluster, the proxied ones and its own
 * probes alike, so that they all connect and authenticate the same way.
 */
public final class UpstreamPipeline {
    private final int maxFrameBytes;

    public UpstreamPipeline(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Frames in, and {@code handler} sees {@link UpstreamReady} once requests may be sent. */
    public void configure(Channel channel, ClusterConfig cluster, ChannelHandler handler) {
        channel.pipeline().addLast(new KafkaFrameDecoder(maxFrameBytes), new ReadyWhenActive(), handler);
    }

    /** A plaintext connection is ready as soon as it is connected. */
    private static final class ReadyWhenActive extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.fireChannelActive();
            ctx.fireUserEventTriggered(UpstreamReady.INSTANCE);
            ctx.pipeline().remove(this);
        }
    }
}
