package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.gateway.proxy.KafkaFrameDecoder;
import io.kafkafailover.gateway.proxy.RequestCodec;
import io.kafkafailover.gateway.proxy.ResponseCodec;
import io.kafkafailover.gateway.proxy.Transport;
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
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
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

    public BackendProbe(Transport transport, Optional<InetSocketAddress> localAddress, Duration timeout) {
        this.transport = transport;
        this.group = transport.newGroup(1, "gateway-probe");
        this.localAddress = localAddress;
        this.timeout = timeout;
    }

    /** The cluster's Metadata (brokers only), from the first bootstrap server that answers. */
    public CompletableFuture<MetadataResponseData> metadata(ClusterConfig cluster) {
        List<String> servers = new ArrayList<>(cluster.bootstrapAddresses());
        Collections.shuffle(servers);
        CompletableFuture<MetadataResponseData> result = new CompletableFuture<>();
        tryServer(servers, 0, result, null);
        return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(error instanceof TimeoutException
                        ? new TimeoutException("no answer from " + cluster.bootstrapServers() + " within " + timeout.toSeconds() + " s")
                        : error));
    }

    private void tryServer(List<String> servers, int index, CompletableFuture<MetadataResponseData> result, Throwable last) {
        if (result.isDone()) {
            return;
        }
        if (index >= servers.size()) {
            result.completeExceptionally(last);
            return;
        }
        String server = servers.get(index);
        InetSocketAddress address = InetSocketAddress.createUnresolved(Utils.getHost(server), Utils.getPort(server));
        CompletableFuture<MetadataResponseData> attempt = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new KafkaFrameDecoder(64 * 1024 * 1024), new Conversation(attempt));
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
                tryServer(servers, index + 1, result, error);
            }
        });
    }

    /** ApiVersions first, so that Metadata goes out at a version this broker speaks. */
    private static final class Conversation extends SimpleChannelInboundHandler<ByteBuf> {
        private final CompletableFuture<MetadataResponseData> attempt;
        private short metadataVersion = -1;

        Conversation(CompletableFuture<MetadataResponseData> attempt) {
            this.attempt = attempt;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ApiVersionsRequestData request = new ApiVersionsRequestData()
                    .setClientSoftwareName(CLIENT_ID).setClientSoftwareVersion("1");
            ctx.writeAndFlush(RequestCodec.encode(ctx.alloc(), ApiKeys.API_VERSIONS, API_VERSIONS_VERSION, 1, CLIENT_ID, request));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            try {
                if (metadataVersion < 0) {
                    ApiVersionsResponseData versions = (ApiVersionsResponseData)
                            ResponseCodec.decode(frame, ApiKeys.API_VERSIONS, API_VERSIONS_VERSION).body();
                    if (versions.errorCode() != Errors.NONE.code()) {
                        throw Errors.forCode(versions.errorCode()).exception();
                    }
                    ApiVersionsResponseData.ApiVersion metadata = versions.apiKeys().find(ApiKeys.METADATA.id);
                    if (metadata == null) {
                        throw new IOException("the broker offers no Metadata api");
                    }
                    metadataVersion = (short) Math.min(metadata.maxVersion(), ApiKeys.METADATA.latestVersion());
                    MetadataRequestData request = new MetadataRequestData().setTopics(List.of()).setAllowAutoTopicCreation(false);
                    ctx.writeAndFlush(RequestCodec.encode(ctx.alloc(), ApiKeys.METADATA, metadataVersion, 2, CLIENT_ID, request));
                } else {
                    attempt.complete((MetadataResponseData) ResponseCodec.decode(frame, ApiKeys.METADATA, metadataVersion).body());
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
