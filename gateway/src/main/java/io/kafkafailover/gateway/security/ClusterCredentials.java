package io.kafkafailover.gateway.security;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.config.ClusterConfigException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.internals.SecurityManagerCompatibility;
import org.apache.kafka.common.network.ConnectionMode;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.authenticator.DefaultLogin;
import org.apache.kafka.common.security.authenticator.LoginManager;
import org.apache.kafka.common.security.authenticator.SaslClientCallbackHandler;
import org.apache.kafka.common.security.plain.internals.PlainSaslServer;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.security.scram.internals.ScramSaslClientProvider;
import org.apache.kafka.common.security.ssl.SslFactory;
import org.apache.kafka.common.utils.Utils;

import javax.net.ssl.SSLEngine;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * How the gateway connects to one cluster, built once from the cluster's Kafka client properties
 * with kafka-clients' own classes, so that {@code security.protocol}, {@code ssl.*} and
 * {@code sasl.*} mean exactly what they mean to a Kafka client: its config definitions parse the
 * values, its {@link SslFactory} makes the TLS engines (hostname verification per
 * {@code ssl.endpoint.identification.algorithm}, mutual TLS when a keystore is given), its
 * {@link JaasContext} and {@link LoginManager} read {@code sasl.jaas.config}, and its SASL client
 * implementations do PLAIN and SCRAM.
 */
public final class ClusterCredentials implements AutoCloseable {
    /** The mechanisms the gateway speaks to backends; the others need machinery (Kerberos, OAuth) it does not run. */
    public static final List<String> SUPPORTED_MECHANISMS = List.of(
            PlainSaslServer.PLAIN_MECHANISM,
            ScramMechanism.SCRAM_SHA_256.mechanismName(),
            ScramMechanism.SCRAM_SHA_512.mechanismName());

    private final String cluster;
    private final SecurityProtocol protocol;
    private final SslFactory sslFactory;
    private final String mechanism;
    private final LoginManager login;
    private final AuthenticateCallbackHandler callbackHandler;
    private final Map<String, Object> configs;

    private ClusterCredentials(String cluster, SecurityProtocol protocol, SslFactory sslFactory, String mechanism,
                               LoginManager login, AuthenticateCallbackHandler callbackHandler, Map<String, Object> configs) {
        this.cluster = cluster;
        this.protocol = protocol;
        this.sslFactory = sslFactory;
        this.mechanism = mechanism;
        this.login = login;
        this.callbackHandler = callbackHandler;
        this.configs = configs;
    }

    /**
     * Parses and loads everything up front (keystores, truststores, the JAAS login), so that a
     * broken configuration stops start-up with the cluster's name instead of failing each connection.
     *
     * @throws ClusterConfigException naming the cluster and the key; never with a secret value
     */
    public static ClusterCredentials of(ClusterConfig cluster) {
        Map<String, Object> configs = parse(cluster);
        SecurityProtocol protocol = protocol(cluster, configs);
        SslFactory ssl = null;
        LoginManager login = null;
        AuthenticateCallbackHandler handler = null;
        String mechanism = null;
        try {
            if (protocol == SecurityProtocol.SSL || protocol == SecurityProtocol.SASL_SSL) {
                ssl = sslFactory(cluster, configs);
            }
            if (protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL) {
                mechanism = mechanism(cluster, configs);
                JaasContext jaas = jaasContext(cluster, configs);
                login = login(cluster, jaas, mechanism, configs);
                handler = callbackHandler(cluster, configs, mechanism, jaas);
            }
            return new ClusterCredentials(cluster.name(), protocol, ssl, mechanism, login, handler, configs);
        } catch (RuntimeException e) {
            Utils.closeQuietly(ssl, "ssl factory of cluster " + cluster.name());
            if (login != null) {
                login.release();
            }
            throw e;
        }
    }

    public String cluster() {
        return cluster;
    }

    public SecurityProtocol protocol() {
        return protocol;
    }

    public boolean usesTls() {
        return sslFactory != null;
    }

    public boolean usesSasl() {
        return mechanism != null;
    }

    /** The SASL mechanism, when the protocol is SASL_*. */
    public Optional<String> mechanism() {
        return Optional.ofNullable(mechanism);
    }

    /** A client-mode engine for one connection; {@code peerHost} is what the certificate is verified against. */
    public SSLEngine newSslEngine(String peerHost, int peerPort) {
        return sslFactory.createSslEngine(peerHost, peerPort);
    }

    /** A fresh SASL client for one connection, made the way Kafka's own client makes it. */
    public SaslClient newSaslClient(String peerHost) {
        try {
            SaslClient client = SecurityManagerCompatibility.get().callAs(login.subject(), () ->
                    Sasl.createSaslClient(new String[]{mechanism}, null, login.serviceName(), peerHost, configs, callbackHandler));
            if (client == null) {
                throw new IllegalStateException("no SASL client for mechanism " + mechanism);
            }
            return client;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot create a " + mechanism + " SASL client for cluster '" + cluster + "'", e);
        }
    }

    /** Runs one SASL step as the logged-in subject, as Kafka's client does. */
    public byte[] evaluate(SaslClient client, byte[] challenge) throws Exception {
        try {
            return SecurityManagerCompatibility.get().callAs(login.subject(), () -> client.evaluateChallenge(challenge));
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void close() {
        Utils.closeQuietly(sslFactory, "ssl factory of cluster " + cluster);
        if (callbackHandler != null) {
            callbackHandler.close();
        }
        if (login != null) {
            login.release();
        }
    }

    @Override
    public String toString() {
        return "ClusterCredentials[" + cluster + ", " + protocol + (mechanism == null ? "" : ", " + mechanism) + "]";
    }

    /** Kafka's admin-client config definition parses and types every security property (passwords become {@code Password}). */
    private static Map<String, Object> parse(ClusterConfig cluster) {
        try {
            return new HashMap<>(new AbstractConfig(AdminClientConfig.configDef(), cluster.kafkaProperties(), false).values());
        } catch (org.apache.kafka.common.config.ConfigException e) {
            // Kafka prints password values as [hidden], so its message is safe to repeat.
            throw new ClusterConfigException(cluster.name(), "security", e.getMessage());
        }
    }

    private static SecurityProtocol protocol(ClusterConfig cluster, Map<String, Object> configs) {
        String name = (String) configs.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
        try {
            return SecurityProtocol.forName(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ClusterConfigException(cluster.name(), CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                    "'" + name + "' is not one of " + SecurityProtocol.names());
        }
    }

    private static SslFactory sslFactory(ClusterConfig cluster, Map<String, Object> configs) {
        SslFactory factory = new SslFactory(ConnectionMode.CLIENT);
        try {
            factory.configure(new HashMap<>(configs));
            return factory;
        } catch (RuntimeException e) {
            Utils.closeQuietly(factory, "ssl factory");
            throw new ClusterConfigException(cluster.name(), "ssl.*", "cannot set up TLS: " + Messages.root(e));
        }
    }

    private static String mechanism(ClusterConfig cluster, Map<String, Object> configs) {
        String mechanism = (String) configs.get(SaslConfigs.SASL_MECHANISM);
        if (!SUPPORTED_MECHANISMS.contains(mechanism)) {
            throw new ClusterConfigException(cluster.name(), SaslConfigs.SASL_MECHANISM,
                    "'" + mechanism + "' is not supported by the gateway (supported: " + SUPPORTED_MECHANISMS + ")");
        }
        if (ScramMechanism.isScram(mechanism)) {
            ScramSaslClientProvider.initialize();
        }
        return mechanism;
    }

    private static JaasContext jaasContext(ClusterConfig cluster, Map<String, Object> configs) {
        try {
            return JaasContext.loadClientContext(configs);
        } catch (RuntimeException e) {
            // JaasConfig's messages name the problem ("Value not specified for key 'password'"), never a value.
            throw new ClusterConfigException(cluster.name(), SaslConfigs.SASL_JAAS_CONFIG, Messages.root(e));
        }
    }

    private static LoginManager login(ClusterConfig cluster, JaasContext jaas, String mechanism, Map<String, Object> configs) {
        try {
            return LoginManager.acquireLoginManager(jaas, mechanism, DefaultLogin.class, configs);
        } catch (Exception e) {
            throw new ClusterConfigException(cluster.name(), SaslConfigs.SASL_JAAS_CONFIG, "login failed: " + Messages.root(e));
        }
    }

    private static AuthenticateCallbackHandler callbackHandler(ClusterConfig cluster, Map<String, Object> configs,
                                                               String mechanism, JaasContext jaas) {
        @SuppressWarnings("unchecked")
        Class<? extends AuthenticateCallbackHandler> configured =
                (Class<? extends AuthenticateCallbackHandler>) configs.get(SaslConfigs.SASL_CLIENT_CALLBACK_HANDLER_CLASS);
        AuthenticateCallbackHandler handler = configured == null ? new SaslClientCallbackHandler() : Utils.newInstance(configured);
        try {
            handler.configure(configs, mechanism, jaas.configurationEntries());
            return handler;
        } catch (RuntimeException e) {
            handler.close();
            throw new ClusterConfigException(cluster.name(), SaslConfigs.SASL_CLIENT_CALLBACK_HANDLER_CLASS, Messages.root(e));
        }
    }
}
