package io.kafkafailover.gateway.proxy;

/**
 * Fired down an upstream pipeline when the connection may carry requests: at once on a plaintext
 * connection, after the TLS handshake and SASL authentication on a secured one. Nothing a client
 * sends reaches a backend before it.
 */
public final class UpstreamReady {
    public static final UpstreamReady INSTANCE = new UpstreamReady();

    private UpstreamReady() {
    }
}
