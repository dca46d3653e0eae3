package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.gateway.proxy.RequestCodec;
import io.kafkafailover.gateway.proxy.ResponseCodec;
import io.kafkafailover.gateway.proxy.Transport;
import io.kafkafailover.gateway.proxy.UpstreamPipeline;
import io.kafkafailover.gateway.proxy.UpstreamReady;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a cluster for its brokers the way a client would (ApiVersions, then Metadata), over a
 * connection made exactly like the gateway's upstream connections: same source address, same
 * credentials. Used to find brokers, for the pre-flight check of a switch and for health.
 */
public final class BackendProbe implements AutoCloseable {
    private static final String CLIENT_ID = "kafka-failover-gateway";
    private static final short API_VERSIONS_VERSION = 3;

    private final Transport transport;
    private final EventLoopGroup group;
    private final Optional<InetSocketAddress> localAddress;
    private final Duration timeout;
    private final UpstreamPipeline pipeline;

    public BackendProbe(Transport transport, UpstreamPipeline pipeline, Optional<InetSocketAddress> localAddress, Duration timeout) {
        this.transport = transport;
        this.pipeline = pipeline;
        this.group = transport.newGroup(1, "gateway-probe");
        this.localAddress = localAddress;
        this.timeout = timeout;
    }

    /** The cluster's Metadata (brokers only), from the first bootstrap server that answers. */
    public CompletableFuture<MetadataResponseData> metadata(ClusterConfig cluster) {
        MetadataRequestData request = new MetadataRequestData().setTopics(List.of()).setAllowAutoTopicCreation(false);
        return call(cluster, ApiKeys.METADATA, request).thenApply(MetadataResponseData.class::cast);
    }

    /** A new producer id issued by the cluster to the gateway (non-transactional, as an idempotent producer gets). */
    public CompletableFuture<InitProducerIdResponseData> initProducerId(ClusterConfig cluster) {
        InitProducerIdRequestData request = new InitProducerIdRequestData()
                .setTransactionalId(null).setTransactionTimeoutMs(Integer.MAX_VALUE);
        return call(cluster, ApiKeys.INIT_PRODUCER_ID, request).thenApply(InitProducerIdResponseData.class::cast)
                .thenApply(response -> {
                    if (response.errorCode() != Errors.NONE.code()) {
                        throw Errors.forCode(response.errorCode()).exception();
                    }
                    return response;
                });
    }

    /** Sends {@code request} to any broker of the cluster at the highest version both sides know. */
    private CompletableFuture<ApiMessage> call(ClusterConfig cluster, ApiKeys apiKey, ApiMessage request) {
        List<String> servers = new ArrayList<>(cluster.bootstrapAddresses());
        Collections.shuffle(servers);
        CompletableFuture<ApiMessage> result = new CompletableFuture<>();
        tryServer(cluster, apiKey, request, servers, 0, result, null);
        return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(error instanceof TimeoutException
                        ? new TimeoutException("no answer from " + cluster.bootstrapServers() + " within " + timeout.toSeconds() + " s")
                        : error));
    }

    private void tryServer(ClusterConfig cluster, ApiKeys apiKey, ApiMessage request, List<String> servers, int index,
                           CompletableFuture<ApiMessage> result, Throwable last) {
        if (result.isDone()) {
            return;
        }
        if (index >= servers.size()) {
            result.completeExceptionally(last);
            return;
        }
        String server = servers.get(index);
        InetSocketAddress address = InetSocketAddress.createUnresolved(Utils.getHost(server), Utils.getPort(server));
        CompletableFuture<ApiMessage> attempt = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        pipeline.configure(channel, cluster, new Conversation(apiKey, request, attempt));
                    }
                });
        ChannelFuture connecting = localAddress.isPresent() ? bootstrap.connect(address, localAddress.get()) : bootstrap.connect(address);
        connecting.addListener(future -> {
            if (!future.isSuccess()) {
                attempt.completeExceptionally(new IOException("cannot connect to " + server + ": " + future.cause().getMessage()));
            }
        });
        attempt.whenComplete((metadata, error) -> {
            connecting.channel().close();
            if (error == null) {
                result.complete(metadata);
            } else {
                tryServer(cluster, apiKey, request, servers, index + 1, result, error);
            }
        });
    }

    /** ApiVersions first, so that the request goes out at a version this broker speaks. */
    private static final class Conversation extends SimpleChannelInboundHandler<ByteBuf> {
        private final ApiKeys apiKey;
        private final ApiMessage request;
        private final CompletableFuture<ApiMessage> attempt;
        private short version = -1;

        Conversation(ApiKeys apiKey, ApiMessage request, CompletableFuture<ApiMessage> attempt) {
            this.apiKey = apiKey;
            this.request = request;
            this.attempt = attempt;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event != UpstreamReady.INSTANCE) {
                ctx.fireUserEventTriggered(event);
                return;
            }
            ApiVersionsRequestData request = new ApiVersionsRequestData()
                    .setClientSoftwareName(CLIENT_ID).setClientSoftwareVersion("1");
            ctx.writeAndFlush(RequestCodec.encode(ctx.alloc(), ApiKeys.API_VERSIONS, API_VERSIONS_VERSION, 1, CLIENT_ID, request));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            try {
                if (version < 0) {
                    ApiVersionsResponseData versions = (ApiVersionsResponseData)
                            ResponseCodec.decode(frame, ApiKeys.API_VERSIONS, API_VERSIONS_VERSION).body();
                    if (versions.errorCode() != Errors.NONE.code()) {
                        throw Errors.forCode(versions.errorCode()).exception();
                    }
                    ApiVersionsResponseData.ApiVersion offered = versions.apiKeys().find(apiKey.id);
                    if (offered == null) {
                        throw new IOException("the broker does not offer " + apiKey.name);
                    }
                    version = (short) Math.min(offered.maxVersion(), apiKey.latestVersion());
                    ctx.writeAndFlush(RequestCodec.encode(ctx.alloc(), apiKey, version, 2, CLIENT_ID, request));
                } else {
                    attempt.complete(ResponseCodec.decode(frame, apiKey, version).body());
                }
            } catch (Exception e) {
                attempt.completeExceptionally(e);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            attempt.completeExceptionally(new IOException("the broker closed the connection"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            attempt.completeExceptionally(cause);
            ctx.close();
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
