package io.kafkafailover.gateway.security;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.config.ClusterConfigs;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import org.apache.kafka.common.security.auth.SecurityProtocol;

import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credentials of every backend cluster, each built once (not per connection) and shared by the
 * proxied connections and the gateway's own probes, plus the one log that reports a cluster which
 * turns the gateway away.
 */
public final class UpstreamSecurity implements AutoCloseable {
    public static final Duration DEFAULT_AUTHENTICATION_TIMEOUT = Duration.ofSeconds(10);

    private final Map<ClusterConfig, ClusterCredentials> byCluster = new ConcurrentHashMap<>();
    private final AuthenticationFailures failures;
    private final Duration authenticationTimeout;

    public UpstreamSecurity() {
        this(DEFAULT_AUTHENTICATION_TIMEOUT, AuthenticationFailures.DEFAULT_INTERVAL);
    }

    public UpstreamSecurity(Duration authenticationTimeout, Duration failureLogInterval) {
        this.authenticationTimeout = authenticationTimeout;
        this.failures = new AuthenticationFailures(failureLogInterval);
    }

    /**
     * Builds every cluster's credentials now, so that a broken {@code ssl.*} or {@code sasl.*}
     * setting stops start-up. Wrong credentials are not detected here: they are the backend's call.
     */
    public static UpstreamSecurity forClusters(ClusterConfigs clusters) {
        UpstreamSecurity security = new UpstreamSecurity();
        try {
            clusters.all().forEach(security::of);
            return security;
        } catch (RuntimeException e) {
            security.close();
            throw e;
        }
    }

    /** The credentials of {@code cluster}, built on first use. */
    public ClusterCredentials of(ClusterConfig cluster) {
        return byCluster.computeIfAbsent(cluster, ClusterCredentials::of);
    }

    /**
     * Secures a new upstream connection to {@code cluster}: adds TLS (when the cluster uses it) at the
     * front of the still empty pipeline, and returns the handler that goes right after the frame
     * decoder to authenticate and then announce {@code UpstreamReady}; empty for PLAINTEXT.
     */
    public Optional<ChannelHandler> secure(Channel channel, ClusterConfig cluster) {
        ClusterCredentials credentials = of(cluster);
        if (credentials.protocol() == SecurityProtocol.PLAINTEXT) {
            return Optional.empty();
        }
        if (credentials.usesTls()) {
            channel.pipeline().addLast(new UpstreamTlsConnector(credentials));
        }
        return Optional.of(new UpstreamAuthenticator(credentials, failures, authenticationTimeout));
    }

    @Override
    public void close() {
        byCluster.values().forEach(ClusterCredentials::close);
        byCluster.clear();
    }
}
