package io.kafkafailover.testkit;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.internals.BrokerSecurityConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * The security of a test cluster's client listener, rendered both ways: as broker properties and as
 * the properties of a client that connects to it.
 */
record ClientListener(SecurityProtocol protocol, Optional<SaslSetup> sasl, Optional<TlsMaterial> tls) {

    /** Listener names; only CLIENT is ever given to clients, the other two are always PLAINTEXT. */
    static final String CLIENT = "CLIENT";
    static final String INTERNAL = "INTERNAL";
    static final String CONTROLLER = "CONTROLLER";

    static ClientListener plaintext() {
        return new ClientListener(SecurityProtocol.PLAINTEXT, Optional.empty(), Optional.empty());
    }

    static ClientListener ssl(TlsMaterial tls) {
        return new ClientListener(SecurityProtocol.SSL, Optional.empty(), Optional.of(tls));
    }

    static ClientListener saslPlaintext(SaslSetup sasl) {
        return new ClientListener(SecurityProtocol.SASL_PLAINTEXT, Optional.of(sasl), Optional.empty());
    }

    static ClientListener saslSsl(SaslSetup sasl, TlsMaterial tls) {
        return new ClientListener(SecurityProtocol.SASL_SSL, Optional.of(sasl), Optional.of(tls));
    }

    String securityProtocolMap() {
        return CLIENT + ":" + protocol.name + "," + INTERNAL + ":PLAINTEXT," + CONTROLLER + ":PLAINTEXT";
    }

    /** Broker properties scoped to the CLIENT listener, so the internal listeners stay untouched. */
    Map<String, Object> brokerProperties() {
        String prefix = "listener.name." + CLIENT.toLowerCase(Locale.ROOT) + ".";
        Map<String, Object> properties = new HashMap<>();
        sasl.ifPresent(setup -> {
            properties.put(BrokerSecurityConfigs.SASL_ENABLED_MECHANISMS_CONFIG, setup.mechanism());
            properties.put(prefix + setup.mechanism().toLowerCase(Locale.ROOT) + "." + SaslConfigs.SASL_JAAS_CONFIG,
                    setup.brokerJaasConfig());
        });
        tls.ifPresent(material -> material.serverProperties()
                .forEach((key, value) -> properties.put(prefix + key, value)));
        return properties;
    }

    /** What a client needs to reach this listener as {@code username}, bootstrap servers excluded. */
    Map<String, Object> clientProperties(String username, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name);
        sasl.ifPresent(setup -> {
            properties.put(SaslConfigs.SASL_MECHANISM, setup.mechanism());
            properties.put(SaslConfigs.SASL_JAAS_CONFIG, setup.clientJaasConfig(username, password));
        });
        tls.ifPresent(material -> properties.putAll(material.clientTrustProperties()));
        return properties;
    }

    Map<String, Object> adminClientProperties() {
        return sasl.map(setup -> clientProperties(setup.adminUsername(), setup.adminPassword()))
                .orElseGet(() -> clientProperties(null, null));
    }
}
