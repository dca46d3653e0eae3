package io.kafkafailover.gateway.proxy;

import io.netty.channel.Channel;

/**
 * Builds every client connection's pipeline: framing, then (where configured) the gateway's own
 * client authentication, then the proxying handler.
 */
public final class ClientPipeline {
    private final int maxFrameBytes;

    public ClientPipeline(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    public void configure(Channel channel, ProxyContext context) {
        channel.pipeline().addLast(new KafkaFrameDecoder(maxFrameBytes), new ClientHandler(context));
    }
}
