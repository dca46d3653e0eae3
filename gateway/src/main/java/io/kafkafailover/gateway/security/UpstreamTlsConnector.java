package io.kafkafailover.gateway.security;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.ssl.SslHandler;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Puts TLS on an upstream connection once the address it connects to is known: the engine must be
 * made for that host, since hostname verification checks the broker's certificate against it. The
 * host is the one the gateway was given (bootstrap server or advertised broker host), never a
 * reverse lookup, as in Kafka's own client.
 */
final class UpstreamTlsConnector extends ChannelOutboundHandlerAdapter {
    private final ClusterCredentials credentials;

    UpstreamTlsConnector(ClusterCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        InetSocketAddress peer = (InetSocketAddress) remote;
        SslHandler tls = new SslHandler(credentials.newSslEngine(peer.getHostString(), peer.getPort()));
        // UpstreamAuthenticator times the handshake and SASL together and reports the cluster by name.
        tls.setHandshakeTimeoutMillis(0);
        ctx.connect(remote, local, promise);
        // Still before channelActive (same event loop), so the handshake starts when the connection does.
        ctx.pipeline().replace(this, "upstream-tls", tls);
    }
}
