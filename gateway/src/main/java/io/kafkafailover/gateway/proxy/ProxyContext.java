package io.kafkafailover.gateway.proxy;

import io.kafkafailover.gateway.routing.FetchSessionGuard;
import io.kafkafailover.gateway.routing.ProducerIdMapper;
import io.kafkafailover.gateway.routing.UpstreamRouter;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * What every connection of one proxy shares.
 *
 * @param zeroCopy whether large responses may go from backend to client socket inside the kernel
 *                 (see {@link ZeroCopy}); {@code GATEWAY_ZERO_COPY}
 */
public record ProxyContext(
        UpstreamRouter router,
        ResponseFilters responseFilters,
        ClientConnections connections,
        Transport transport,
        UpstreamPipeline upstreamPipeline,
        Optional<InetSocketAddress> upstreamLocalAddress,
        int connectTimeoutMillis,
        ProxyObserver observer,
        ProducerIdMapper producerIds,
        FetchSessionGuard fetchSessions,
        boolean zeroCopy) {
}
