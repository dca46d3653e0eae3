package io.kafkafailover.gateway.proxy;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.gateway.security.UpstreamSecurity;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Builds every connection the gateway makes to a backend cluster, the proxied ones and its own
 * probes alike, so that they all connect and authenticate the same way: with the cluster's own
 * {@code security.protocol}, {@code ssl.*} and {@code sasl.*} settings.
 */
public final class UpstreamPipeline {
    private final int maxFrameBytes;
    private final UpstreamSecurity security;

    /** Builds each cluster's credentials on first use; {@link #UpstreamPipeline(int, UpstreamSecurity)} builds them up front. */
    public UpstreamPipeline(int maxFrameBytes) {
        this(maxFrameBytes, new UpstreamSecurity());
    }

    public UpstreamPipeline(int maxFrameBytes, UpstreamSecurity security) {
        this.maxFrameBytes = maxFrameBytes;
        this.security = security;
    }

    /**
     * Frames in, and {@code handler} sees {@link UpstreamReady} once requests may be sent. A handler
     * that is a {@link ResponseSplitter.Policy} also gets the responses it allows in pieces.
     */
    public void configure(Channel channel, ClusterConfig cluster, ChannelHandler handler) {
        var secured = security.secure(channel, cluster);
        channel.pipeline().addLast(handler instanceof ResponseSplitter.Policy policy
                ? new ResponseSplitter(maxFrameBytes, policy)
                : new KafkaFrameDecoder(maxFrameBytes));
        channel.pipeline().addLast(secured.orElseGet(ReadyWhenActive::new));
        channel.pipeline().addLast(handler);
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
