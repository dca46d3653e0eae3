package io.kafkafailover.gateway.security;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;

/**
 * Keeps a TLS client connection from being read before its upstream is ready. The proxy leaves
 * auto-read off until then, but Netty's {@code SslHandler} reads on its own to finish the
 * handshake, and the client's first request would arrive in the same read, with nowhere to go.
 * Sitting in front of the {@code SslHandler}, this holds every read until the proxy turns auto-read
 * on (its signal that the upstream is ready), then steps aside. The TLS handshake simply starts a
 * little later, as a plaintext client's first request does.
 */
final class ReadsAfterUpstreamReady extends ChannelOutboundHandlerAdapter {
    @Override
    public void read(ChannelHandlerContext ctx) {
        if (ctx.channel().config().isAutoRead()) {
            ctx.pipeline().remove(this);
            ctx.read();
        }
        // else: dropped; setAutoRead(true) issues a fresh read, which lands here again
    }
}
