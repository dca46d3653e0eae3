package io.kafkafailover.gateway.proxy;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/** Every open client connection, so that a switch can close them all at once. */
public final class ClientConnections {
    private final ChannelGroup channels = new DefaultChannelGroup("clients", GlobalEventExecutor.INSTANCE);

    void add(Channel channel) {
        channels.add(channel);
    }

    public int count() {
        return channels.size();
    }

    /** Closes every client connection and returns how many there were. */
    public int closeAll() {
        int open = channels.size();
        channels.close().awaitUninterruptibly();
        return open;
    }
}
