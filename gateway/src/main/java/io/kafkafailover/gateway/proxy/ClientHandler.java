package io.kafkafailover.gateway.proxy;

import io.kafkafailover.gateway.routing.ProduceVerdict;
import io.kafkafailover.gateway.routing.UpstreamTarget;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ResponseHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * One client connection: opens its own upstream connection to the backend broker its port stands
 * for, forwards request frames as they are, and remembers each request that expects a response.
 * Client reads pause until the upstream is ready and whenever it cannot keep up.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ClientHandler.class);

    private final ProxyContext context;
    private final Queue<RequestInfo> inFlight = new ArrayDeque<>();
    private Channel client;
    private Channel upstream;
    private UpstreamHandler upstreamHandler;
    private UpstreamTarget target;
    private boolean closing;
    private ProxyObserver.ConnectionObserver observer;
    private boolean identified;
    private ClientSoftware software = ClientSoftware.UNKNOWN;
    /** Requests read while a Produce waits for a producer id; null when nothing waits. */
    private Queue<Held> held;
    /** Answers the gateway made itself, by correlation id, waiting for the responses ahead of them. */
    private final Map<Integer, ByteBuf> localAnswers = new HashMap<>();

    ClientHandler(ProxyContext context) {
        this.context = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = ctx.channel();
        observer = context.observer().clientConnected();
        // Registered before the target is chosen, so that a switch racing with this connection closes it.
        context.connections().add(client);
        int localPort = ((InetSocketAddress) client.localAddress()).getPort();
        context.router().route(localPort).whenComplete((chosen, error) -> client.eventLoop().execute(() -> {
            if (error != null) {
                closeWith("no upstream for port " + localPort + ": " + error.getMessage());
            } else if (client.isActive()) {
                target = chosen;
                connect(0);
            }
        }));
    }

    private void connect(int candidate) {
        InetSocketAddress address = target.candidates().get(candidate);
        Bootstrap bootstrap = new Bootstrap()
                .group(client.eventLoop())
                .channel(context.transport().socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, context.connectTimeoutMillis())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        upstreamHandler = new UpstreamHandler(ClientHandler.this);
                        context.upstreamPipeline().configure(channel, target.cluster(), upstreamHandler);
                    }
                });
        var connecting = context.upstreamLocalAddress().isPresent()
                ? bootstrap.connect(address, context.upstreamLocalAddress().get())
                : bootstrap.connect(address);
        connecting.addListener((ChannelFutureListener) future -> {
            if (future.isSuccess()) {
                if (!client.isActive()) {
                    future.channel().close();
                }
            } else {
                observer.upstreamFailed(target.cluster().name());
                if (candidate + 1 < target.candidates().size()) {
                    connect(candidate + 1);
                } else {
                    closeWith("cluster '" + target.cluster().name() + "' (" + target.description() + ") unreachable: "
                            + future.cause().getMessage());
                }
            }
        });
    }

    /** Called by the upstream side once it may carry client bytes. */
    void upstreamReady(Channel ready) {
        upstream = ready;
        client.config().setAutoRead(true);
        client.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        if (upstream == null) {
            // Reads stay off until the upstream is ready, but epoll still delivers what a client sent
            // before half-closing: that client is leaving, and its request has nowhere to go.
            frame.release();
            ctx.close();
            return;
        }
        RequestInfo request;
        try {
            request = RequestPeek.peek(frame);
        } catch (InvalidFrameException e) {
            frame.release();
            closeWith(e.getMessage());
            return;
        }
        if (!request.apiKey().isVersionSupported(request.apiVersion())) {
            frame.release();
            if (request.apiKey() == ApiKeys.API_VERSIONS) {
                answerUnsupportedApiVersions(request);
            } else {
                closeWith(request.apiKey() + " v" + request.apiVersion() + " is a version the gateway never advertised");
            }
            return;
        }
        if (!identified) {
            identified = true;
            try {
                observer.clientIdentified(RequestPeek.clientId(frame));
            } catch (InvalidFrameException e) {
                frame.release();
                closeWith(e.getMessage());
                return;
            }
        }
        if (request.apiKey() == ApiKeys.API_VERSIONS) {
            try {
                software = ClientSoftware.fromApiVersionsRequest(frame, request.apiVersion());
            } catch (InvalidFrameException e) {
                frame.release();
                closeWith(e.getMessage());
                return;
            }
        }
        observer.request(request.apiKey(), frame.readableBytes());
        if (held != null) {
            held.add(new Held(request, frame)); // behind a Produce that waits for its producer id
        } else {
            send(request, frame);
        }
    }

    /** Forwards at once, unless a Produce must first get a producer id of the target cluster, or be answered here. */
    private void send(RequestInfo request, ByteBuf frame) {
        if (!context.router().isCurrent(target)) {
            // The switch closes this connection in a moment. Until then nothing more may reach the
            // cluster it left: ids and sessions are no longer mapped for it, and could collide there.
            frame.release();
            client.close();
            return;
        }
        if (request.apiKey() == ApiKeys.PRODUCE && target.standIn()) {
            answerNotLeader(request, frame);
            return;
        }
        if (request.apiKey() == ApiKeys.FETCH) {
            try {
                context.fetchSessions().prepare(frame, request, target);
            } catch (InvalidFrameException e) {
                frame.release();
                closeWith(e.getMessage());
                return;
            }
        } else if (request.apiKey() == ApiKeys.PRODUCE && context.producerIds().inspects(target)) {
            CompletableFuture<ProduceVerdict> ready;
            try {
                ready = context.producerIds().prepare(frame, request.apiVersion(), target, software);
            } catch (InvalidFrameException e) {
                frame.release();
                closeWith(e.getMessage());
                return;
            }
            if (!ready.isDone() || ready.isCompletedExceptionally()) {
                held = new ArrayDeque<>();
                client.config().setAutoRead(false);
                ready.whenComplete((verdict, error) -> client.eventLoop().execute(() -> resume(request, frame, verdict, error)));
                return;
            }
            carryOut(ready.join(), request, frame);
            return;
        }
        forward(request, frame);
    }

    private void carryOut(ProduceVerdict verdict, RequestInfo request, ByteBuf frame) {
        if (verdict.forward()) {
            forward(request, frame);
            return;
        }
        if (!request.expectsResponse()) {
            frame.release(); // idempotent batches come with acks=all; a client that says otherwise gets no answer to read
            closeWith("an acks=0 Produce carries idempotent batches");
            return;
        }
        ByteBuf answer;
        try {
            answer = ProduceAnswer.restartSequences(client.alloc(), frame, request, verdict.restart());
        } catch (InvalidFrameException e) {
            closeWith(e.getMessage());
            return;
        } finally {
            frame.release();
        }
        answerInTurn(request, answer);
    }

    private void resume(RequestInfo request, ByteBuf frame, ProduceVerdict verdict, Throwable error) {
        Queue<Held> waiting = held;
        held = null;
        boolean switched = !context.router().isCurrent(target);
        if (error != null || switched || !client.isActive()) {
            frame.release();
            waiting.forEach(h -> h.frame().release());
            if (switched) {
                client.close(); // as in send(): the switch is closing this connection anyway
            } else if (error != null) {
                closeWith("cluster '" + target.cluster().name() + "' did not issue a producer id: " + error.getMessage());
            }
            return;
        }
        carryOut(verdict, request, frame);
        while (!waiting.isEmpty()) {
            if (held != null) {
                held.addAll(waiting); // another Produce is waiting now; the rest stays behind it
                break;
            }
            Held next = waiting.poll();
            send(next.request(), next.frame());
        }
        upstream.flush();
        if (held == null) {
            client.config().setAutoRead(upstream.isWritable());
        }
    }

    private void forward(RequestInfo request, ByteBuf frame) {
        if (request.expectsResponse()) {
            inFlight.add(request);
        }
        upstream.write(frame, upstream.voidPromise());
        if (!upstream.isWritable()) {
            client.config().setAutoRead(false);
        }
    }

    private record Held(RequestInfo request, ByteBuf frame) {
    }

    /** See {@link ProduceAnswer#notLeader}; the answer waits its turn behind requests already in flight. */
    private void answerNotLeader(RequestInfo request, ByteBuf frame) {
        ByteBuf answer;
        try {
            answer = request.expectsResponse() ? ProduceAnswer.notLeader(client.alloc(), frame, request) : null;
        } catch (InvalidFrameException e) {
            closeWith(e.getMessage());
            return;
        } finally {
            frame.release();
        }
        if (answer == null) {
            closeWith("an acks=0 Produce reached a port whose broker cluster '" + target.cluster().name() + "' lacks");
        } else {
            answerInTurn(request, answer);
        }
    }

    /** An answer the gateway makes itself goes out after the responses to earlier requests. */
    private void answerInTurn(RequestInfo request, ByteBuf answer) {
        if (inFlight.isEmpty()) {
            client.writeAndFlush(answer, client.voidPromise());
        } else {
            inFlight.add(request);
            localAnswers.put(request.correlationId(), answer);
        }
    }

    /** Called by the upstream side after each response it forwards: local answers now due go out too. */
    void writeLocalAnswersDue() {
        RequestInfo head;
        while ((head = inFlight.peek()) != null && localAnswers.containsKey(head.correlationId())) {
            inFlight.poll();
            client.write(localAnswers.remove(head.correlationId()), client.voidPromise());
        }
    }

    /** As a broker does (KIP-511): a v0 answer that makes the client retry with a version we know. */
    private void answerUnsupportedApiVersions(RequestInfo request) {
        ApiVersionsResponseData body = new ApiVersionsResponseData().setErrorCode(Errors.UNSUPPORTED_VERSION.code());
        body.apiKeys().add(new ApiVersionsResponseData.ApiVersion().setApiKey(ApiKeys.API_VERSIONS.id)
                .setMinVersion(ApiKeys.API_VERSIONS.oldestVersion()).setMaxVersion(ApiKeys.API_VERSIONS.latestVersion()));
        ResponseHeader header = new ResponseHeader(request.correlationId(), ApiKeys.API_VERSIONS.responseHeaderVersion((short) 0));
        answerInTurn(request, ResponseCodec.encode(client.alloc(), new ResponseCodec.Decoded(header, body, (short) 0)));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (upstream != null) {
            upstream.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (upstream != null) {
            upstreamHandler.readWhileClientTakesMore();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        observer.closed();
        if (held != null) {
            held.forEach(h -> h.frame().release());
            held.clear();
        }
        localAnswers.values().forEach(ByteBuf::release);
        localAnswers.clear();
        if (upstream != null) {
            upstream.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("client {}: {}", client.remoteAddress(), cause.getMessage());
            ctx.close();
        } else if (cause instanceof TooLongFrameException || cause instanceof CorruptedFrameException) {
            closeWith("bad frame: " + cause.getMessage());
        } else if (cause instanceof DecoderException && cause.getCause() != null) {
            closeWith("bad frame: " + cause.getCause().getMessage());
        } else {
            LOG.warn("client {}: closing after unexpected error", client.remoteAddress(), cause);
            ctx.close();
        }
    }

    // --- called by the upstream side, on the same event loop ---

    RequestInfo nextInFlight() {
        return inFlight.poll();
    }

    /** The request the next response answers, left in place: while it streams, answers made here wait behind it. */
    RequestInfo peekInFlight() {
        return inFlight.peek();
    }

    UpstreamTarget target() {
        return target;
    }

    Channel client() {
        return client;
    }

    ProxyContext context() {
        return context;
    }

    ProxyObserver.ConnectionObserver observer() {
        return observer;
    }

    /** Ends this one connection with one log line; the gateway and every other connection carry on. */
    void closeWith(String reason) {
        if (closing) {
            return; // the decoder may trip over the rest of the same bad bytes; one line is enough
        }
        closing = true;
        LOG.warn("client {} on port {}: {}; closing the connection", client.remoteAddress(),
                ((InetSocketAddress) client.localAddress()).getPort(), reason);
        client.close();
        if (upstream != null) {
            upstream.close();
        }
    }
}
