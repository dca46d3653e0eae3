package io.kafkafailover.gateway.security;

import io.kafkafailover.config.ConfigProviderResolver;
import io.kafkafailover.gateway.config.GatewayConfigException;
import org.apache.kafka.common.security.auth.SecurityProtocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How clients connect to the gateway's Kafka listener, validated at start-up:
 * <ul>
 *   <li>{@value #PROTOCOL_KEY}: PLAINTEXT (default), SASL_PLAINTEXT, SSL or SASL_SSL;</li>
 *   <li>{@value #MECHANISMS_KEY}: the SASL mechanisms offered, default all of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512;</li>
 *   <li>{@value SaslUsers#KEY}: the gateway's own users (salted and hashed, see {@link SaslUsers});</li>
 *   <li>{@value #TLS_PREFIX}*: the listener's {@code ssl.*} settings, see {@link TlsSettings}.</li>
 * </ul>
 * These users exist only on the gateway: the gateway logs in to each backend with that cluster's
 * own credentials, so client credentials never reach a backend.
 */
public record ClientSecurity(SecurityProtocol protocol, List<String> saslMechanisms, SaslUsers users, Optional<TlsSettings> tls) {
    public static final String PROTOCOL_KEY = "GATEWAY_SECURITY_PROTOCOL";
    public static final String MECHANISMS_KEY = "GATEWAY_SASL_ENABLED_MECHANISMS";
    public static final String TLS_PREFIX = "GATEWAY_SSL_";
    public static final List<String> SUPPORTED_MECHANISMS = ClusterCredentials.SUPPORTED_MECHANISMS;

    public ClientSecurity {
        saslMechanisms = List.copyOf(saslMechanisms);
        if (usesSasl(protocol) && users.isEmpty()) {
            throw new GatewayConfigException(SaslUsers.KEY, "required with " + PROTOCOL_KEY + "=" + protocol.name
                    + ": clients can only log in as a user listed here");
        }
        if (usesTls(protocol) && tls.isEmpty()) {
            throw new GatewayConfigException(TLS_PREFIX + "KEYSTORE_LOCATION", "required with " + PROTOCOL_KEY + "=" + protocol.name
                    + ": the listener needs a certificate (or " + TLS_PREFIX + "KEYSTORE_TYPE=PEM with "
                    + TLS_PREFIX + "KEYSTORE_CERTIFICATE_CHAIN and " + TLS_PREFIX + "KEYSTORE_KEY)");
        }
    }

    public static ClientSecurity plaintext() {
        return new ClientSecurity(SecurityProtocol.PLAINTEXT, SUPPORTED_MECHANISMS, SaslUsers.none(), Optional.empty());
    }

    /**
     * Settings that only make sense with another protocol are refused rather than ignored: a
     * listener that silently stayed PLAINTEXT would let everyone in.
     */
    public static ClientSecurity fromEnvironment(Map<String, String> env) {
        SecurityProtocol protocol = protocol(env);
        Optional<TlsSettings> tls = TlsSettings.fromEnvironment(env, TLS_PREFIX);
        if (tls.isPresent() && !usesTls(protocol)) {
            throw new GatewayConfigException(TLS_PREFIX + "*", "set " + PROTOCOL_KEY + "=SSL or SASL_SSL to use them"
                    + " (it is " + protocol.name + ")");
        }
        Optional<String> rawUsers = Optional.ofNullable(env.get(SaslUsers.KEY)).filter(value -> !value.isBlank());
        if (rawUsers.isPresent() && !usesSasl(protocol)) {
            throw new GatewayConfigException(SaslUsers.KEY, "set " + PROTOCOL_KEY + "=SASL_PLAINTEXT or SASL_SSL to use them"
                    + " (it is " + protocol.name + ")");
        }
        SaslUsers users = rawUsers
                .map(raw -> SaslUsers.parse(ConfigProviderResolver.resolveSetting(SaslUsers.KEY, raw, env)))
                .orElseGet(SaslUsers::none);
        ClientSecurity security = new ClientSecurity(protocol, mechanisms(env), users, tls);
        // Load the keystores now, so that a wrong path or password stops start-up here.
        security.tls().ifPresent(settings -> settings.newServerFactory().close());
        return security;
    }

    public boolean usesSasl() {
        return usesSasl(protocol);
    }

    public boolean usesTls() {
        return usesTls(protocol);
    }

    private static boolean usesSasl(SecurityProtocol protocol) {
        return protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL;
    }

    private static boolean usesTls(SecurityProtocol protocol) {
        return protocol == SecurityProtocol.SSL || protocol == SecurityProtocol.SASL_SSL;
    }

    private static SecurityProtocol protocol(Map<String, String> env) {
        String value = env.getOrDefault(PROTOCOL_KEY, "");
        if (value.isBlank()) {
            return SecurityProtocol.PLAINTEXT;
        }
        try {
            return SecurityProtocol.forName(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GatewayConfigException(PROTOCOL_KEY, "'" + value + "' is not one of " + SecurityProtocol.names());
        }
    }

    private static List<String> mechanisms(Map<String, String> env) {
        String value = env.getOrDefault(MECHANISMS_KEY, "");
        if (value.isBlank()) {
            return SUPPORTED_MECHANISMS;
        }
        List<String> mechanisms = new ArrayList<>();
        for (String name : value.split(",")) {
            String mechanism = name.trim().toUpperCase(Locale.ROOT);
            if (!SUPPORTED_MECHANISMS.contains(mechanism)) {
                throw new GatewayConfigException(MECHANISMS_KEY, "'" + name.trim() + "' is not one of " + SUPPORTED_MECHANISMS);
            }
            if (!mechanisms.contains(mechanism)) {
                mechanisms.add(mechanism);
            }
        }
        if (mechanisms.isEmpty()) {
            throw new GatewayConfigException(MECHANISMS_KEY, "names no mechanism");
        }
        return mechanisms;
    }
}
