package io.kafkafailover.gateway.security;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.SslHandler;
import org.apache.kafka.common.security.ssl.SslFactory;
import org.apache.kafka.common.security.ssl.SslPrincipalMapper;
import org.apache.kafka.common.utils.Utils;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running client side of {@link ClientSecurity}: one server-mode {@link SslFactory} from
 * kafka-clients for the whole listener, the SASL servers, and the threads that check passwords.
 * The client pipeline asks it for the handlers to put before and after its frame decoder.
 */
public final class ClientListenerSecurity implements AutoCloseable {
    private static final int VERIFIER_THREADS = 2;

    private final ClientSecurity config;
    private final SslFactory sslFactory;
    private final SslPrincipalMapper principalMapper;
    private final SaslServers saslServers;
    private final ExecutorService verifier;

    private ClientListenerSecurity(ClientSecurity config) {
        this.config = config;
        this.sslFactory = config.tls().map(TlsSettings::newServerFactory).orElse(null);
        this.principalMapper = config.tls().map(TlsSettings::principalMapper).orElse(null);
        this.saslServers = config.usesSasl() ? new SaslServers(config.users(), config.saslMechanisms()) : null;
        this.verifier = config.usesSasl() ? Executors.newFixedThreadPool(VERIFIER_THREADS, daemonThreads()) : null;
    }

    public static ClientListenerSecurity start(ClientSecurity config) {
        return new ClientListenerSecurity(config);
    }

    public static ClientListenerSecurity plaintext() {
        return start(ClientSecurity.plaintext());
    }

    public ClientSecurity config() {
        return config;
    }

    /** Adds TLS to a new client connection's pipeline (when the listener uses it); goes before framing. */
    public void addTls(Channel channel) {
        if (sslFactory == null) {
            return;
        }
        InetSocketAddress peer = (InetSocketAddress) channel.remoteAddress();
        // The client's IP, never a reverse lookup, as a Kafka broker does.
        SslHandler tls = new SslHandler(sslFactory.createSslEngine(peer.getAddress().getHostAddress(), peer.getPort()));
        channel.pipeline().addLast(new ReadsAfterUpstreamReady());
        channel.pipeline().addLast("client-tls", tls);
        channel.pipeline().addLast(new ClientTlsHandshake(principalMapper, !config.usesSasl()));
    }

    /** The SASL handler of a new client connection, which goes right after the frame decoder; empty without SASL. */
    public Optional<ChannelHandler> newAuthenticator() {
        return saslServers == null ? Optional.empty() : Optional.of(new ClientAuthenticator(saslServers, verifier));
    }

    @Override
    public void close() {
        if (verifier != null) {
            verifier.shutdownNow();
            try {
                verifier.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Utils.closeQuietly(sslFactory, "client listener ssl factory");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "gateway-sasl-verify-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
