package io.kafkafailover.gateway.security;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.security.sasl.SaslServer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Terminates client SASL at the gateway, between the frame decoder and the proxying handler.
 * Before authentication only ApiVersions passes on (the client needs the broker's versions to
 * speak at all); SaslHandshake and SaslAuthenticate are answered here with Kafka's own SASL
 * servers; anything else closes the connection. After authentication every request passes on,
 * except SaslHandshake and SaslAuthenticate: the gateway grants no session lifetime, so a client
 * has no reason to re-authenticate, and the backend connection is already the gateway's own.
 *
 * <p>Checking a password costs a PBKDF2 run, so SASL steps run on a small executor of their own
 * rather than on the event loop that serves other connections.
 */
final class ClientAuthenticator extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ClientAuthenticator.class);
    static final short HANDSHAKE_VERSION = 1; // v0 would mean raw SASL tokens without Kafka framing

    private enum State { AWAIT_HANDSHAKE, AWAIT_AUTHENTICATE, EVALUATING, AUTHENTICATED, CLOSED }

    /** The outcome of one SASL step, computed off the event loop. */
    private record Step(byte[] challenge, String error) {
    }

    private final SaslServers servers;
    private final Executor verifier;
    private State state = State.AWAIT_HANDSHAKE;
    private SaslServer server;

    ClientAuthenticator(SaslServers servers, Executor verifier) {
        this.servers = servers;
        this.verifier = verifier;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        ApiKeys api = KafkaRequests.peekApi(frame);
        boolean saslApi = api == ApiKeys.SASL_HANDSHAKE || api == ApiKeys.SASL_AUTHENTICATE;
        if (state == State.AUTHENTICATED && !saslApi || state == State.AWAIT_HANDSHAKE && api == ApiKeys.API_VERSIONS) {
            ctx.fireChannelRead(frame);
            return;
        }
        try {
            if (api == ApiKeys.SASL_HANDSHAKE && state == State.AWAIT_HANDSHAKE) {
                handshake(ctx, frame);
            } else if (api == ApiKeys.SASL_AUTHENTICATE && state == State.AWAIT_AUTHENTICATE) {
                authenticate(ctx, frame);
            } else if (state == State.AUTHENTICATED) {
                refuse(ctx, "sent " + api.name + " on an authenticated connection");
            } else if (state != State.CLOSED) {
                refuse(ctx, "sent " + (api == null ? "an unreadable request" : api.name) + " before authenticating"
                        + " (is it configured for SASL?)");
            }
        } catch (RuntimeException e) {
            refuse(ctx, "sent a malformed " + api.name + " request: " + Messages.root(e));
        } finally {
            frame.release();
        }
    }

    private void handshake(ChannelHandlerContext ctx, ByteBuf frame) {
        KafkaRequests.Request request = KafkaRequests.decode(frame);
        if (request.version() != HANDSHAKE_VERSION) {
            refuse(ctx, "sent SaslHandshake v" + request.version() + "; the gateway speaks v" + HANDSHAKE_VERSION + " only");
            return;
        }
        String mechanism = ((SaslHandshakeRequestData) request.body()).mechanism();
        SaslHandshakeResponseData response = new SaslHandshakeResponseData().setMechanisms(servers.enabled());
        if (!servers.enabled().contains(mechanism)) {
            response.setErrorCode(Errors.UNSUPPORTED_SASL_MECHANISM.code());
            LOG.info("client {}: asked for SASL mechanism {} (enabled: {}); closing the connection",
                    ctx.channel().remoteAddress(), mechanism, servers.enabled());
            state = State.CLOSED;
            ctx.writeAndFlush(KafkaRequests.response(ctx.alloc(), request, response)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        try {
            server = servers.create(mechanism);
        } catch (Exception e) {
            refuse(ctx, "cannot start " + mechanism + ": " + Messages.root(e));
            return;
        }
        state = State.AWAIT_AUTHENTICATE;
        ctx.writeAndFlush(KafkaRequests.response(ctx.alloc(), request, response));
    }

    private void authenticate(ChannelHandlerContext ctx, ByteBuf frame) {
        KafkaRequests.Request request = KafkaRequests.decode(frame);
        byte[] token = ((SaslAuthenticateRequestData) request.body()).authBytes();
        SaslServer evaluating = server;
        state = State.EVALUATING;
        try {
            verifier.execute(() -> {
                Step step = evaluate(evaluating, token);
                ctx.executor().execute(() -> answer(ctx, request, step));
            });
        } catch (RejectedExecutionException e) {
            refuse(ctx, "arrived while the gateway is stopping");
        }
    }

    /** The error text follows Kafka's broker: a SaslAuthenticationException's own message, else a generic one. */
    private static Step evaluate(SaslServer server, byte[] token) {
        try {
            return new Step(server.evaluateResponse(token), null);
        } catch (SaslAuthenticationException e) {
            return new Step(null, e.getMessage());
        } catch (Exception e) {
            return new Step(null, "Authentication failed during authentication due to invalid credentials with SASL mechanism "
                    + server.getMechanismName());
        }
    }

    private void answer(ChannelHandlerContext ctx, KafkaRequests.Request request, Step step) {
        if (state != State.EVALUATING || !ctx.channel().isActive()) {
            disposeServer();
            return;
        }
        SaslAuthenticateResponseData response = new SaslAuthenticateResponseData().setSessionLifetimeMs(0);
        if (step.error() != null) {
            response.setErrorCode(Errors.SASL_AUTHENTICATION_FAILED.code()).setErrorMessage(step.error()).setAuthBytes(new byte[0]);
            // Like a broker: the client reads why, then the connection ends. No user name: it may be a mistyped password.
            LOG.info("client {}: failed authentication with {} ({}); closing the connection",
                    ctx.channel().remoteAddress(), server.getMechanismName(), step.error());
            state = State.CLOSED;
            disposeServer();
            ctx.writeAndFlush(KafkaRequests.response(ctx.alloc(), request, response)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        response.setAuthBytes(step.challenge() == null ? new byte[0] : step.challenge());
        if (server.isComplete()) {
            String principal = server.getAuthorizationID();
            ClientPrincipal.set(ctx.channel(), principal);
            LOG.debug("client {}: authenticated as '{}' with {}", ctx.channel().remoteAddress(), principal, server.getMechanismName());
            state = State.AUTHENTICATED;
            disposeServer();
        } else {
            state = State.AWAIT_AUTHENTICATE;
        }
        ctx.writeAndFlush(KafkaRequests.response(ctx.alloc(), request, response));
    }

    private void refuse(ChannelHandlerContext ctx, String reason) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        disposeServer();
        LOG.info("client {}: {}; closing the connection", ctx.channel().remoteAddress(), reason);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (state != State.EVALUATING) {
            disposeServer(); // an evaluation in flight still uses it; answer() disposes it then
        }
        state = State.CLOSED;
        ctx.fireChannelInactive();
    }

    private void disposeServer() {
        if (server != null) {
            try {
                server.dispose();
            } catch (Exception ignored) {
                // PLAIN and SCRAM servers only drop references
            }
            server = null;
        }
    }
}
