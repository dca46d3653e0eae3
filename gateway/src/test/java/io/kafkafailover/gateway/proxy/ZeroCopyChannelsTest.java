package io.kafkafailover.gateway.proxy;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Which pairs of connections may splice: both plain epoll sockets on one event loop, and nothing else. */
class ZeroCopyChannelsTest {
    private EventLoopGroup loops;
    private Channel backend;
    private Channel client;

    @BeforeEach
    void registerTwoSockets() {
        assumeTrue(Epoll.isAvailable(), "epoll is Linux-only");
        loops = Transport.best().newGroup(2, "zero-copy-test");
        var loop = loops.next();
        backend = new EpollSocketChannel();
        client = new EpollSocketChannel();
        loop.register(backend).syncUninterruptibly();
        loop.register(client).syncUninterruptibly();
    }

    @AfterEach
    void close() {
        if (loops != null) {
            for (Channel channel : List.of(backend, client)) {
                channel.close().syncUninterruptibly();
            }
            loops.shutdownGracefully().syncUninterruptibly();
        }
    }

    @Test
    void plainEpollSocketsOnOneLoopSpliceUnlessTurnedOff() {
        assertThat(ZeroCopy.possible(true, backend, client)).isTrue();
        assertThat(ZeroCopy.possible(false, backend, client)).isFalse();
    }

    @Test
    void tlsOnEitherSideCopies() throws Exception {
        client.pipeline().addLast(SslContextBuilder.forClient().build().newHandler(client.alloc()));
        assertThat(ZeroCopy.possible(true, backend, client)).isFalse();
        assertThat(ZeroCopy.possible(true, client, backend)).isFalse();
    }

    @Test
    void otherTransportsCopy() {
        EmbeddedChannel embedded = new EmbeddedChannel();
        assertThat(ZeroCopy.possible(true, backend, embedded)).isFalse();
        embedded.finishAndReleaseAll();
    }
}
