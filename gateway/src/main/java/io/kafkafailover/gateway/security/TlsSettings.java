package io.kafkafailover.gateway.security;

import io.kafkafailover.config.ConfigProviderResolver;
import io.kafkafailover.config.SecretKeys;
import io.kafkafailover.gateway.config.GatewayConfigException;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.SslClientAuth;
import org.apache.kafka.common.config.internals.BrokerSecurityConfigs;
import org.apache.kafka.common.network.ConnectionMode;
import org.apache.kafka.common.security.ssl.SslFactory;
import org.apache.kafka.common.security.ssl.SslPrincipalMapper;
import org.apache.kafka.common.utils.Utils;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The TLS side of one of the gateway's own listeners (the Kafka listener, the admin API), written
 * as Kafka's {@code ssl.*} properties so that they mean what they mean on a broker listener:
 * {@code GATEWAY_SSL_KEYSTORE_LOCATION} is {@code ssl.keystore.location}, and so on. Keystores and
 * truststores may be JKS, PKCS12 or PEM (files, or PEM text in {@code ssl.keystore.key},
 * {@code ssl.keystore.certificate.chain} and {@code ssl.truststore.certificates}); values may be
 * config-provider references such as {@code ${directory:/etc/gateway/tls:tls.key}}.
 * {@code ssl.client.auth} (none, requested, required) turns on mutual TLS.
 *
 * @param envPrefix  where the settings come from, e.g. {@code GATEWAY_SSL_}, for error messages
 * @param properties the {@code ssl.*} properties, values resolved
 */
public record TlsSettings(String envPrefix, Map<String, String> properties) {
    private static final ConfigDef LISTENER_SSL = new ConfigDef().withClientSslSupport()
            .define(BrokerSecurityConfigs.SSL_CLIENT_AUTH_CONFIG, ConfigDef.Type.STRING, BrokerSecurityConfigs.SSL_CLIENT_AUTH_DEFAULT,
                    ConfigDef.ValidString.in(Utils.enumOptions(SslClientAuth.class)), ConfigDef.Importance.MEDIUM,
                    BrokerSecurityConfigs.SSL_CLIENT_AUTH_DOC)
            .define(BrokerSecurityConfigs.SSL_PRINCIPAL_MAPPING_RULES_CONFIG, ConfigDef.Type.STRING,
                    BrokerSecurityConfigs.DEFAULT_SSL_PRINCIPAL_MAPPING_RULES, ConfigDef.Importance.LOW,
                    BrokerSecurityConfigs.SSL_PRINCIPAL_MAPPING_RULES_DOC);

    public TlsSettings {
        properties = Map.copyOf(properties);
    }

    /**
     * Every {@code <envPrefix>*} variable as an {@code ssl.*} property ({@code _} becomes {@code .},
     * lower case), config-provider references resolved; empty when there is none.
     */
    public static Optional<TlsSettings> fromEnvironment(Map<String, String> env, String envPrefix) {
        Map<String, String> properties = new TreeMap<>();
        env.forEach((key, value) -> {
            if (key.startsWith(envPrefix) && value != null && !value.isBlank()) {
                String property = "ssl." + key.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                properties.put(property, ConfigProviderResolver.resolveSetting(key, value.trim(), env));
            }
        });
        return properties.isEmpty() ? Optional.empty() : Optional.of(new TlsSettings(envPrefix, properties));
    }

    /**
     * A server-mode factory from kafka-clients, keystores and truststores loaded: call once per
     * listener, at start-up, so that a wrong path or password stops the gateway with the setting's name.
     */
    public SslFactory newServerFactory() {
        Map<String, Object> parsed = parsed();
        SslFactory factory = new SslFactory(ConnectionMode.SERVER);
        try {
            factory.configure(new HashMap<>(parsed));
            return factory;
        } catch (RuntimeException e) {
            Utils.closeQuietly(factory, "ssl factory");
            throw new GatewayConfigException(envPrefix + "*", "cannot set up TLS: " + Messages.root(e));
        }
    }

    /** Maps a client certificate's subject to the principal name, with {@code ssl.principal.mapping.rules}. */
    public SslPrincipalMapper principalMapper() {
        return SslPrincipalMapper.fromRules((String) parsed().get(BrokerSecurityConfigs.SSL_PRINCIPAL_MAPPING_RULES_CONFIG));
    }

    public SslClientAuth clientAuth() {
        return SslClientAuth.forConfig((String) parsed().get(BrokerSecurityConfigs.SSL_CLIENT_AUTH_CONFIG));
    }

    private Map<String, Object> parsed() {
        try {
            return new HashMap<>(new AbstractConfig(LISTENER_SSL, properties, false).values());
        } catch (RuntimeException e) {
            // Kafka prints password values as [hidden]; its message names the property.
            throw new GatewayConfigException(envPrefix + "*", Messages.root(e));
        }
    }

    /** Secrets ({@code ssl.keystore.password}, {@code ssl.keystore.key}, ...) are never printed. */
    @Override
    public String toString() {
        return "TlsSettings[" + envPrefix + "*: " + new LinkedHashMap<>(SecretKeys.masked(properties)) + "]";
    }
}
