package io.kafkafailover.gateway.proxy;

import io.kafkafailover.gateway.security.ClientListenerSecurity;
import io.netty.channel.Channel;

/**
 * Builds every client connection's pipeline: TLS (when the listener uses it), framing, the
 * gateway's own SASL authentication (when configured), then the proxying handler.
 */
public final class ClientPipeline {
    private final int maxFrameBytes;
    private final ClientListenerSecurity security;

    public ClientPipeline(int maxFrameBytes) {
        this(maxFrameBytes, ClientListenerSecurity.plaintext());
    }

    public ClientPipeline(int maxFrameBytes, ClientListenerSecurity security) {
        this.maxFrameBytes = maxFrameBytes;
        this.security = security;
    }

    public void configure(Channel channel, ProxyContext context) {
        security.addTls(channel);
        channel.pipeline().addLast(new KafkaFrameDecoder(maxFrameBytes));
        security.newAuthenticator().ifPresent(authenticator -> channel.pipeline().addLast(authenticator));
        channel.pipeline().addLast(new ClientHandler(context));
    }
}
