package io.kafkafailover.gateway.security;

import java.io.IOException;

/**
 * A backend connection that could not be secured: TLS handshake or SASL authentication failed, or
 * took too long. An {@link IOException}, like any other connection failure, so that the proxy treats
 * it as one (the client's connection closes and the client retries). Its message names the cluster
 * and never holds a secret; it has no cause, so that it is reported as written.
 */
public final class UpstreamAuthenticationException extends IOException {
    public UpstreamAuthenticationException(String message) {
        super(message);
    }
}
