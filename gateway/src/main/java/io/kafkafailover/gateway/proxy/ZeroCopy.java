package io.kafkafailover.gateway.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.epoll.AbstractEpollStreamChannel;
import io.netty.handler.ssl.SslHandler;

/**
 * Moves the rest of a large streamed response from the backend's socket to the client's inside the
 * kernel, with Linux's splice(2) through a pipe, instead of copying it into the gateway and out
 * again. Profiled while the gateway forwarded Fetch responses, those two copies were about a third
 * of its CPU time, and the consumer benchmark was bound by CPU. Only between two plain epoll
 * sockets on one event loop: TLS has to see the bytes, and Netty splices only within one loop.
 */
final class ZeroCopy {
    /** Below this, the pipe's extra system calls cost more than the copies they save. */
    static final int MIN_BYTES = 64 * 1024;

    private ZeroCopy() {
    }

    /** @param enabled {@code GATEWAY_ZERO_COPY} */
    static boolean possible(boolean enabled, Channel from, Channel to) {
        return enabled && from instanceof AbstractEpollStreamChannel && to instanceof AbstractEpollStreamChannel
                && from.eventLoop() == to.eventLoop() && !hasTls(from) && !hasTls(to);
    }

    private static boolean hasTls(Channel channel) {
        return channel.pipeline().get(SslHandler.class) != null;
    }

    /**
     * Completes once all {@code bytes} are in the client's socket; fails if either side closes first.
     * Netty stops reading {@code from} meanwhile whenever the client cannot take more.
     */
    static ChannelFuture splice(Channel from, Channel to, int bytes) {
        return ((AbstractEpollStreamChannel) from).spliceTo((AbstractEpollStreamChannel) to, bytes);
    }
}
