package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.config.GatewayConfigException;
import org.apache.kafka.common.security.ssl.DefaultSslEngineFactory;
import org.apache.kafka.common.security.ssl.SslFactory;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.SSLEngine;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTPS for the admin API ({@value #PROTOCOL_KEY}=HTTPS), configured like the Kafka listener with
 * Kafka's {@code ssl.*} names under {@value #TLS_PREFIX}, and served by Jetty with engines from
 * kafka-clients' {@link SslFactory}: keystore formats, protocols, cipher suites and
 * {@code ssl.client.auth} mean the same on both ports.
 */
public final class AdminTls implements AutoCloseable {
    public static final String PROTOCOL_KEY = "GATEWAY_HTTP_SECURITY_PROTOCOL";
    public static final String TLS_PREFIX = "GATEWAY_HTTP_SSL_";

    private final SslFactory factory;

    private AdminTls(TlsSettings settings) {
        this.factory = settings.newServerFactory();
    }

    public static AdminTls start(TlsSettings settings) {
        return new AdminTls(settings);
    }

    /** HTTP (default) or HTTPS; the {@value #TLS_PREFIX}* settings belong to HTTPS and are refused without it. */
    public static Optional<TlsSettings> fromEnvironment(Map<String, String> env) {
        String protocol = env.getOrDefault(PROTOCOL_KEY, "HTTP").trim().toUpperCase(Locale.ROOT);
        Optional<TlsSettings> settings = TlsSettings.fromEnvironment(env, TLS_PREFIX);
        switch (protocol) {
            case "", "HTTP" -> {
                if (settings.isPresent()) {
                    throw new GatewayConfigException(TLS_PREFIX + "*", "set " + PROTOCOL_KEY + "=HTTPS to use them");
                }
                return Optional.empty();
            }
            case "HTTPS" -> {
                TlsSettings tls = settings.orElseThrow(() -> new GatewayConfigException(TLS_PREFIX + "KEYSTORE_LOCATION",
                        "required with " + PROTOCOL_KEY + "=HTTPS"));
                tls.newServerFactory().close(); // load the stores now, so that a mistake stops start-up
                return Optional.of(tls);
            }
            default -> throw new GatewayConfigException(PROTOCOL_KEY, "'" + protocol + "' is neither HTTP nor HTTPS");
        }
    }

    /** The one connector of the admin server: TLS, then HTTP/1.1. */
    public Connector connector(Server server, HttpConfiguration http, String host, int port) {
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Certificates are chosen by the operator, not matched to the Host header (pods are called by IP).
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(new KafkaEngines(factory), "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    @Override
    public void close() {
        Utils.closeQuietly(factory, "admin ssl factory");
    }

    /**
     * Jetty's TLS plumbing with kafka-clients' engines. Jetty still wants a context to start with;
     * it is the one Kafka's engine factory built from the same stores.
     */
    private static final class KafkaEngines extends SslContextFactory.Server {
        private final SslFactory factory;

        KafkaEngines(SslFactory factory) {
            this.factory = factory;
            if (factory.sslEngineFactory() instanceof DefaultSslEngineFactory kafka) {
                setSslContext(kafka.sslContext());
            }
        }

        @Override
        public SSLEngine newSSLEngine() {
            return factory.createSslEngine(null, -1);
        }

        @Override
        public SSLEngine newSSLEngine(String host, int port) {
            return factory.createSslEngine(host, port);
        }

        @Override
        public SSLEngine newSSLEngine(InetSocketAddress address) {
            return address == null ? newSSLEngine() : newSSLEngine(address.getAddress().getHostAddress(), address.getPort());
        }

        /** Kafka's factory already applied protocols, cipher suites and client authentication. */
        @Override
        public void customize(SSLEngine engine) {
        }
    }
}
