package io.kafkafailover.gateway.security;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.apache.kafka.common.security.ssl.SslPrincipalMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.security.auth.x500.X500Principal;
import java.io.IOException;
import java.security.Principal;

/**
 * Watches a client connection's TLS handshake, right behind the {@link SslHandler}: a failed
 * handshake (a client that does not trust the gateway, or shows no certificate where one is
 * required) is logged as what it is and ends just that connection; a successful one names the
 * principal from the client certificate when TLS is the only authentication.
 */
final class ClientTlsHandshake extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ClientTlsHandshake.class);

    private final SslPrincipalMapper principals;
    private final boolean certificateIsPrincipal;
    private boolean failed;

    ClientTlsHandshake(SslPrincipalMapper principals, boolean certificateIsPrincipal) {
        this.principals = principals;
        this.certificateIsPrincipal = certificateIsPrincipal;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (!handshake.isSuccess()) {
                failed(ctx, handshake.cause());
                return;
            }
            if (certificateIsPrincipal) {
                ClientPrincipal.set(ctx.channel(), principal(ctx.pipeline().get(SslHandler.class)));
            }
            ctx.pipeline().remove(this);
        }
        ctx.fireUserEventTriggered(event);
    }

    /** Handshake errors also arrive as exceptions; they are this connection's end, not a frame error. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failed(ctx, cause);
    }

    private void failed(ChannelHandlerContext ctx, Throwable cause) {
        if (!failed) {
            failed = true;
            LOG.info("client {}: TLS handshake failed ({}); closing the connection", ctx.channel().remoteAddress(), Messages.root(cause));
        }
        ctx.close();
    }

    private String principal(SslHandler tls) throws IOException {
        Principal peer;
        try {
            peer = tls.engine().getSession().getPeerPrincipal();
        } catch (SSLPeerUnverifiedException e) {
            return ClientPrincipal.ANONYMOUS; // ssl.client.auth=none or requested, and no certificate shown
        }
        return peer instanceof X500Principal subject ? principals.getName(subject.getName()) : peer.getName();
    }
}
