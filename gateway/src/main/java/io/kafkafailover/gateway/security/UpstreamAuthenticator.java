package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.proxy.RequestCodec;
import io.kafkafailover.gateway.proxy.ResponseCodec;
import io.kafkafailover.gateway.proxy.UpstreamReady;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import javax.net.ssl.SSLException;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Secures one upstream connection before anything else may use it: waits for the TLS handshake (if
 * any), then authenticates as Kafka's own client does (ApiVersions, SaslHandshake, SaslAuthenticate
 * rounds with kafka-clients' SASL client), and only then fires {@link UpstreamReady}. No client byte
 * can reach the broker before that, because the proxy forwards nothing until it sees that event.
 *
 * <p>A failure is reported once per cluster (rate-limited), passed on as an
 * {@link UpstreamAuthenticationException} and closes the connection: the client connection that
 * waited for it closes too, which every Kafka client treats as retriable.
 */
final class UpstreamAuthenticator extends ChannelInboundHandlerAdapter {
    private static final String CLIENT_ID = "kafka-failover-gateway";
    private static final short MAX_HANDSHAKE_VERSION = 1; // v0 means raw tokens, which only pre-1.0 brokers need

    private enum Step { CONNECTING, API_VERSIONS, HANDSHAKE, AUTHENTICATE, DONE, FAILED }

    private final ClusterCredentials credentials;
    private final AuthenticationFailures failures;
    private final Duration timeout;
    private Step step = Step.CONNECTING;
    private ScheduledFuture<?> timer;
    private SaslClient sasl;
    private short apiVersionsVersion = ApiKeys.API_VERSIONS.latestVersion();
    private short handshakeVersion;
    private short authenticateVersion;
    private int correlationId;

    UpstreamAuthenticator(ClusterCredentials credentials, AuthenticationFailures failures, Duration timeout) {
        this.credentials = credentials;
        this.failures = failures;
        this.timeout = timeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.fireChannelActive();
        timer = ctx.executor().schedule(() -> fail(ctx, "no TLS handshake and authentication within "
                + timeout.toMillis() + " ms"), timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!credentials.usesTls()) {
            startSasl(ctx);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake && step == Step.CONNECTING) {
            if (!handshake.isSuccess()) {
                fail(ctx, "TLS handshake failed: " + Messages.root(handshake.cause()));
            } else if (credentials.usesSasl()) {
                startSasl(ctx);
            } else {
                ready(ctx);
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    private void startSasl(ChannelHandlerContext ctx) {
        step = Step.API_VERSIONS;
        send(ctx, ApiKeys.API_VERSIONS, apiVersionsVersion, new ApiVersionsRequestData()
                .setClientSoftwareName(CLIENT_ID).setClientSoftwareVersion("1"));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            switch (step) {
                case API_VERSIONS -> onApiVersions(ctx, decode(frame, ApiKeys.API_VERSIONS, apiVersionsVersion));
                case HANDSHAKE -> onHandshake(ctx, decode(frame, ApiKeys.SASL_HANDSHAKE, handshakeVersion));
                case AUTHENTICATE -> onAuthenticate(ctx, decode(frame, ApiKeys.SASL_AUTHENTICATE, authenticateVersion));
                default -> fail(ctx, "the broker sent " + frame.readableBytes() + " bytes before it was asked anything");
            }
        } catch (Exception e) {
            fail(ctx, Messages.root(e));
        } finally {
            frame.release();
        }
    }

    private void onApiVersions(ChannelHandlerContext ctx, ApiVersionsResponseData response) {
        ApiVersionsResponseData.ApiVersion ownVersions = response.apiKeys().find(ApiKeys.API_VERSIONS.id);
        if (response.errorCode() == Errors.UNSUPPORTED_VERSION.code() && ownVersions != null
                && ownVersions.maxVersion() < apiVersionsVersion) {
            apiVersionsVersion = ownVersions.maxVersion(); // KIP-511: ask again in a version the broker speaks
            startSasl(ctx);
            return;
        }
        if (response.errorCode() != Errors.NONE.code()) {
            fail(ctx, "ApiVersions failed: " + Errors.forCode(response.errorCode()).message());
            return;
        }
        ApiVersionsResponseData.ApiVersion handshake = response.apiKeys().find(ApiKeys.SASL_HANDSHAKE.id);
        ApiVersionsResponseData.ApiVersion authenticate = response.apiKeys().find(ApiKeys.SASL_AUTHENTICATE.id);
        if (handshake == null || authenticate == null || handshake.maxVersion() < MAX_HANDSHAKE_VERSION) {
            fail(ctx, "the broker offers no SaslHandshake v1/SaslAuthenticate (is its listener really SASL?)");
            return;
        }
        handshakeVersion = MAX_HANDSHAKE_VERSION;
        authenticateVersion = (short) Math.min(authenticate.maxVersion(), ApiKeys.SASL_AUTHENTICATE.latestVersion());
        step = Step.HANDSHAKE;
        send(ctx, ApiKeys.SASL_HANDSHAKE, handshakeVersion,
                new SaslHandshakeRequestData().setMechanism(credentials.mechanism().orElseThrow()));
    }

    private void onHandshake(ChannelHandlerContext ctx, SaslHandshakeResponseData response) throws Exception {
        String mechanism = credentials.mechanism().orElseThrow();
        if (response.errorCode() == Errors.UNSUPPORTED_SASL_MECHANISM.code()) {
            fail(ctx, "the cluster does not enable SASL mechanism " + mechanism + " (it enables " + response.mechanisms() + ")");
            return;
        }
        if (response.errorCode() != Errors.NONE.code()) {
            fail(ctx, "SaslHandshake failed: " + Errors.forCode(response.errorCode()).message());
            return;
        }
        sasl = credentials.newSaslClient(((InetSocketAddress) ctx.channel().remoteAddress()).getHostString());
        step = Step.AUTHENTICATE;
        byte[] first = sasl.hasInitialResponse() ? credentials.evaluate(sasl, new byte[0]) : new byte[0];
        sendToken(ctx, first);
    }

    private void onAuthenticate(ChannelHandlerContext ctx, SaslAuthenticateResponseData response) throws Exception {
        if (response.errorCode() != Errors.NONE.code()) {
            String brokerSays = response.errorMessage() != null ? response.errorMessage()
                    : Errors.forCode(response.errorCode()).message();
            fail(ctx, "the cluster refused the gateway's " + credentials.mechanism().orElseThrow() + " credentials: " + brokerSays);
            return;
        }
        // As in Kafka's SaslClientAuthenticator: answer challenges until the mechanism has nothing more to say.
        byte[] next = sasl.isComplete() ? null : credentials.evaluate(sasl, response.authBytes());
        if (next != null) {
            sendToken(ctx, next);
        } else if (!sasl.isComplete()) {
            fail(ctx, "the " + credentials.mechanism().orElseThrow() + " exchange ended before it was complete");
        } else {
            ready(ctx);
        }
    }

    private void sendToken(ChannelHandlerContext ctx, byte[] token) {
        send(ctx, ApiKeys.SASL_AUTHENTICATE, authenticateVersion, new SaslAuthenticateRequestData().setAuthBytes(token));
    }

    private void send(ChannelHandlerContext ctx, ApiKeys api, short version, ApiMessage body) {
        ctx.writeAndFlush(RequestCodec.encode(ctx.alloc(), api, version, ++correlationId, CLIENT_ID, body));
    }

    @SuppressWarnings("unchecked")
    private <T extends ApiMessage> T decode(ByteBuf frame, ApiKeys api, short version) {
        ResponseCodec.Decoded response = ResponseCodec.decode(frame, api, version);
        if (response.header().correlationId() != correlationId) {
            throw new IllegalStateException(api + " response with correlation id " + response.header().correlationId()
                    + " while " + correlationId + " was expected");
        }
        return (T) response.body();
    }

    private void ready(ChannelHandlerContext ctx) {
        step = Step.DONE;
        stopTimer();
        disposeSasl();
        boolean brokerHasSpoken = credentials.usesSasl();
        if (brokerHasSpoken) {
            failures.succeeded(credentials.cluster());
        }
        ctx.fireUserEventTriggered(UpstreamReady.INSTANCE);
        if (brokerHasSpoken) {
            ctx.pipeline().remove(this);
        } else {
            ctx.pipeline().replace(this, null, new LateTlsFailures(credentials.cluster(), failures));
        }
    }

    /**
     * With TLS 1.3 the client side finishes its handshake before the broker has checked the
     * client's certificate; a broker that requires one it does not like says so only afterwards.
     * On an SSL connection (no SASL exchange to prove it), this waits for the broker's first answer:
     * a rejection is reported like any other (once per cluster, as an
     * {@link UpstreamAuthenticationException}) instead of as an unexpected error on every connection.
     */
    private static final class LateTlsFailures extends ChannelInboundHandlerAdapter {
        private final String cluster;
        private final AuthenticationFailures failures;

        LateTlsFailures(String cluster, AuthenticationFailures failures) {
            this.cluster = cluster;
            this.failures = failures;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            failures.succeeded(cluster);
            ctx.pipeline().remove(this);
            ctx.fireChannelRead(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (Messages.causedBy(cause, SSLException.class)) {
                String reason = "TLS failed: " + Messages.root(cause);
                failures.failed(cluster, reason);
                ctx.fireExceptionCaught(new UpstreamAuthenticationException("cluster '" + cluster + "': " + reason));
                ctx.close();
            } else {
                ctx.fireExceptionCaught(cause);
            }
        }
    }

    /** Reports once (rate-limited per cluster), tells the handlers behind, and closes. */
    private void fail(ChannelHandlerContext ctx, String reason) {
        if (step == Step.DONE || step == Step.FAILED) {
            return;
        }
        step = Step.FAILED;
        stopTimer();
        disposeSasl();
        failures.failed(credentials.cluster(), reason);
        ctx.fireExceptionCaught(new UpstreamAuthenticationException("cluster '" + credentials.cluster() + "': " + reason));
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(ctx, step == Step.CONNECTING && credentials.usesTls()
                ? "the broker closed the connection during the TLS handshake"
                : "the broker closed the connection during authentication");
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (step == Step.DONE || step == Step.FAILED) {
            ctx.fireExceptionCaught(cause);
        } else {
            fail(ctx, (step == Step.CONNECTING && credentials.usesTls() ? "TLS handshake failed: " : "")
                    + Messages.root(cause));
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stopTimer();
        disposeSasl();
    }

    private void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void disposeSasl() {
        if (sasl != null) {
            try {
                sasl.dispose();
            } catch (SaslException ignored) {
                // nothing is left to clean up in PLAIN or SCRAM clients
            }
            sasl = null;
        }
    }
}
