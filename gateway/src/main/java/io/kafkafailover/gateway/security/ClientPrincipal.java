package io.kafkafailover.gateway.security;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

import java.util.Optional;

/**
 * Who a client connection authenticated as: the SASL user name, or with SSL alone the certificate
 * subject mapped by {@code ssl.principal.mapping.rules} (the whole distinguished name by default),
 * as a Kafka broker names its principals. {@value #ANONYMOUS} when the client showed no certificate.
 */
public final class ClientPrincipal {
    public static final String ANONYMOUS = "ANONYMOUS";
    static final AttributeKey<String> KEY = AttributeKey.valueOf("kafka-failover.client-principal");

    private ClientPrincipal() {
    }

    /** Empty while the connection has not authenticated (and on a PLAINTEXT listener). */
    public static Optional<String> of(Channel channel) {
        return Optional.ofNullable(channel.attr(KEY).get());
    }

    static void set(Channel channel, String principal) {
        channel.attr(KEY).set(principal);
    }
}
