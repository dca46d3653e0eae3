package io.kafkafailover.gateway.security;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.config.ClusterConfigException;
import io.kafkafailover.gateway.config.GatewayConfig;
import io.kafkafailover.gateway.config.GatewayConfigException;
import io.kafkafailover.testkit.SaslSetup;
import io.kafkafailover.testkit.TlsMaterial;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLEngine;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Security settings are checked at start-up, and no error message or printed config holds a secret. */
class SecurityConfigTest {
    private static final String STORE_PASSWORD = TestSecrets.newPassword("a wrong keystore password");
    private static final String JAAS_PASSWORD = TestSecrets.newPassword("a cluster password in a config test");

    @Test
    void theClientSideDefaultsToPlaintext() {
        GatewayConfig config = GatewayConfig.fromEnvironment(base());

        assertThat(config.clientSecurity().protocol()).isEqualTo(SecurityProtocol.PLAINTEXT);
        assertThat(config.adminTls()).isEmpty();
    }

    @Test
    void saslNeedsUsersAndTlsNeedsACertificate() {
        Map<String, String> sasl = base();
        sasl.put("GATEWAY_SECURITY_PROTOCOL", "sasl_plaintext");
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(sasl))
                .isInstanceOf(GatewayConfigException.class).hasMessageStartingWith("GATEWAY_SASL_USERS: required");

        Map<String, String> ssl = base();
        ssl.put("GATEWAY_SECURITY_PROTOCOL", "SSL");
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(ssl))
                .isInstanceOf(GatewayConfigException.class).hasMessageStartingWith("GATEWAY_SSL_KEYSTORE_LOCATION: required");

        Map<String, String> unknown = base();
        unknown.put("GATEWAY_SECURITY_PROTOCOL", "KERBEROS");
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(unknown)).hasMessageStartingWith("GATEWAY_SECURITY_PROTOCOL:");

        Map<String, String> mechanism = base();
        mechanism.put("GATEWAY_SASL_ENABLED_MECHANISMS", "PLAIN,GSSAPI");
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(mechanism)).hasMessageContaining("'GSSAPI' is not one of");
    }

    @Test
    void aWrongKeystorePasswordStopsStartUpWithoutShowingIt() {
        TlsMaterial tls = SecuredBackends.tls();
        Map<String, String> env = base();
        env.put("GATEWAY_SECURITY_PROTOCOL", "SSL");
        env.put("GATEWAY_SSL_KEYSTORE_LOCATION", tls.server().keystoreP12().toString());
        env.put("GATEWAY_SSL_KEYSTORE_PASSWORD", STORE_PASSWORD);

        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(env)).isInstanceOf(GatewayConfigException.class)
                .hasMessageStartingWith("GATEWAY_SSL_*: cannot set up TLS").hasMessageNotContaining(STORE_PASSWORD);
    }

    @Test
    void printedSettingsHideEverySecret() {
        TlsMaterial tls = SecuredBackends.tls();
        Map<String, String> env = base();
        env.put("GATEWAY_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("GATEWAY_SASL_USERS", SaslUsers.entry("bob", JAAS_PASSWORD, 4096));
        env.put("GATEWAY_SSL_KEYSTORE_LOCATION", tls.server().keystoreP12().toString());
        env.put("GATEWAY_SSL_KEYSTORE_PASSWORD", tls.password());
        env.put("GATEWAY_HTTP_SECURITY_PROTOCOL", "HTTPS");
        env.put("GATEWAY_HTTP_SSL_KEYSTORE_LOCATION", tls.server().keystoreJks().toString());
        env.put("GATEWAY_HTTP_SSL_KEYSTORE_TYPE", "JKS");
        env.put("GATEWAY_HTTP_SSL_KEYSTORE_PASSWORD", tls.password());
        env.put("KAFKA_MAIN_SASL_JAAS_CONFIG", SaslSetup.clientJaasConfig("PLAIN", "gw", JAAS_PASSWORD));

        String printed = GatewayConfig.fromEnvironment(env).toString();

        assertThat(printed).contains("SASL_SSL").contains("ssl.keystore.location").contains("bob")
                .doesNotContain(tls.password()).doesNotContain(JAAS_PASSWORD).doesNotContain("stored_key");
    }

    @Test
    void listenerSettingsThatTheProtocolWouldIgnoreAreRefused() {
        Map<String, String> tlsButPlaintext = base();
        tlsButPlaintext.put("GATEWAY_SSL_KEYSTORE_LOCATION", "/somewhere.p12");
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(tlsButPlaintext))
                .hasMessage("GATEWAY_SSL_*: set GATEWAY_SECURITY_PROTOCOL=SSL or SASL_SSL to use them (it is PLAINTEXT)");

        Map<String, String> usersButNoSasl = base();
        usersButNoSasl.put("GATEWAY_SASL_USERS", SaslUsers.entry("bob", JAAS_PASSWORD, 4096));
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(usersButNoSasl))
                .hasMessage("GATEWAY_SASL_USERS: set GATEWAY_SECURITY_PROTOCOL=SASL_PLAINTEXT or SASL_SSL to use them (it is PLAINTEXT)");
    }

    @Test
    void httpsSettingsWithoutHttpsAreAMistake() {
        Map<String, String> env = base();
        env.put("GATEWAY_HTTP_SSL_KEYSTORE_LOCATION", "/somewhere.p12");

        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(env))
                .hasMessage("GATEWAY_HTTP_SSL_*: set GATEWAY_HTTP_SECURITY_PROTOCOL=HTTPS to use them");
    }

    @Test
    void brokenClusterSecurityNamesTheClusterAndKeyButNoSecret() {
        Map<String, String> missingTruststore = Map.of("security.protocol", "SSL",
                "ssl.truststore.location", "/no/such/truststore.p12", "ssl.truststore.password", STORE_PASSWORD);
        assertThatThrownBy(() -> ClusterCredentials.of(cluster(missingTruststore))).isInstanceOf(ClusterConfigException.class)
                .hasMessageStartingWith("cluster 'east', key 'ssl.*': cannot set up TLS").hasMessageNotContaining(STORE_PASSWORD);

        Map<String, String> unterminatedJaas = Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", SaslSetup.clientJaasConfig("PLAIN", "gw", JAAS_PASSWORD).replace(";", ""));
        assertThatThrownBy(() -> ClusterCredentials.of(cluster(unterminatedJaas)))
                .hasMessageStartingWith("cluster 'east', key 'sasl.jaas.config': ").hasMessageNotContaining(JAAS_PASSWORD);

        Map<String, String> kerberos = Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "GSSAPI");
        assertThatThrownBy(() -> ClusterCredentials.of(cluster(kerberos)))
                .hasMessageStartingWith("cluster 'east', key 'sasl.mechanism': 'GSSAPI' is not supported by the gateway");

        Map<String, String> badProtocol = Map.of("security.protocol", "TLS");
        assertThatThrownBy(() -> ClusterCredentials.of(cluster(badProtocol))).isInstanceOf(ClusterConfigException.class)
                .hasMessageStartingWith("cluster 'east'");
    }

    @Test
    void brokerCertificatesAreCheckedAgainstTheHostUnlessTheClusterSaysOtherwise() {
        Map<String, String> trust = new HashMap<>(Map.of("security.protocol", "SSL"));
        SecuredBackends.tls().clientTrustProperties().forEach((key, value) -> trust.put(key, String.valueOf(value)));
        try (ClusterCredentials verifying = ClusterCredentials.of(cluster(trust))) {
            SSLEngine engine = verifying.newSslEngine("broker-1.example.com", 9093);
            assertThat(engine.getUseClientMode()).isTrue();
            assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualToIgnoringCase("https");
            assertThat(engine.getPeerHost()).isEqualTo("broker-1.example.com");
        }
        trust.put("ssl.endpoint.identification.algorithm", "");
        try (ClusterCredentials lenient = ClusterCredentials.of(cluster(trust))) {
            assertThat(lenient.newSslEngine("broker-1.example.com", 9093).getSSLParameters().getEndpointIdentificationAlgorithm())
                    .isNullOrEmpty();
        }
    }

    private static ClusterConfig cluster(Map<String, String> security) {
        Map<String, String> properties = new HashMap<>(security);
        properties.put("bootstrap.servers", "127.0.0.1:9092");
        return new ClusterConfig("east", Set.of(), properties);
    }

    private static Map<String, String> base() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_MAIN_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        return env;
    }
}
