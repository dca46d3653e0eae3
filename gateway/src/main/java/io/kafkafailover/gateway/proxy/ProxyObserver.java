package io.kafkafailover.gateway.proxy;

import org.apache.kafka.common.protocol.ApiKeys;

/** What the proxy reports about its connections, for metrics. Called on the connection's event loop. */
public interface ProxyObserver {

    ConnectionObserver clientConnected();

    /** One client connection's events. */
    interface ConnectionObserver {
        /** The client id from the connection's first request header (empty when the client sent none). */
        void clientIdentified(String clientId);

        void upstreamConnected(String cluster);

        void upstreamClosed(String cluster);

        void upstreamFailed(String cluster);

        void request(ApiKeys apiKey, int bytes);

        void response(ApiKeys apiKey, int bytes);

        /** Of a response's bytes, those the kernel moved without the gateway copying them (see {@link ZeroCopy}). */
        void spliced(ApiKeys apiKey, int bytes);

        void closed();
    }
}
