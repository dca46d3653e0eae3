package io.kafkafailover.gateway.proxy;

import io.kafkafailover.gateway.routing.UpstreamRouter;

import java.net.InetSocketAddress;
import java.util.Optional;

/** What every connection of one proxy shares. */
public record ProxyContext(
        UpstreamRouter router,
        ResponseFilters responseFilters,
        ClientConnections connections,
        Transport transport,
        int maxFrameBytes,
        Optional<InetSocketAddress> upstreamLocalAddress,
        int connectTimeoutMillis,
        ProxyObserver observer) {
}
