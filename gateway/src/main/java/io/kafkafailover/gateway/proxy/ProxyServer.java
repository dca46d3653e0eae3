package io.kafkafailover.gateway.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka listener: the bootstrap port and one port per broker after it, all served the same way.
 * A client connection and its upstream share one event loop, so a connection's state needs no locks.
 */
public final class ProxyServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyServer.class);

    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final List<Channel> listeners = new ArrayList<>();

    public ProxyServer(ProxyContext context, ClientPipeline clientPipeline, String bindHost, List<Integer> ports)
            throws InterruptedException {
        Transport transport = context.transport();
        this.acceptors = transport.newGroup(1, "gateway-accept");
        this.workers = transport.newGroup(0, "gateway-io");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false) // until the upstream is ready
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        clientPipeline.configure(channel, context);
                    }
                });
        try {
            for (int port : ports) {
                listeners.add(bootstrap.bind(bindHost, port).sync().channel());
            }
        } catch (Exception e) {
            close();
            throw e;
        }
        LOG.info("Kafka listener on {} ports {}..{} ({} transport, zero-copy forwarding {})", bindHost, ports.get(0),
                ports.get(ports.size() - 1), transport.name(),
                !context.zeroCopy() ? "off" : transport.canSplice() ? "on for plaintext connections" : "unavailable");
    }

    @Override
    public void close() {
        listeners.forEach(Channel::close);
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
