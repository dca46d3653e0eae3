package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.CapturedLog;
import io.kafkafailover.gateway.testing.RawKafkaConnection;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.TlsMaterial;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What clients that fail to authenticate to the gateway see, and that nobody else notices: the
 * gateway answers as a broker would, ends just that connection and keeps serving everyone else.
 */
class ClientAuthenticationTest {
    private static final String USER = "alice";
    private static final String PASSWORD = TestSecrets.newPassword("alice at the gateway");
    private static final String WRONG_PASSWORD = TestSecrets.newPassword("a wrong password for alice");
    private static final short API_VERSIONS_VERSION = 3;

    private static Gateway saslPlaintext;
    private static Gateway saslSsl;
    private static Gateway mutualTls;
    private static Gateway plaintext;

    @BeforeAll
    static void start() throws InterruptedException {
        TlsMaterial tls = SecuredBackends.tls();
        String users = SaslUsers.entry(USER, PASSWORD, 4096);

        Map<String, String> env = backendEnv();
        env.put(ClientSecurity.PROTOCOL_KEY, "SASL_PLAINTEXT");
        env.put(SaslUsers.KEY, users);
        saslPlaintext = TestGateways.start(env);

        env = backendEnv();
        env.put(ClientSecurity.PROTOCOL_KEY, "SASL_SSL");
        env.put(ClientSecurity.MECHANISMS_KEY, "SCRAM-SHA-512");
        env.put(SaslUsers.KEY, users);
        env.put("GATEWAY_SSL_KEYSTORE_LOCATION", tls.server().keystoreP12().toString());
        env.put("GATEWAY_SSL_KEYSTORE_TYPE", "PKCS12");
        env.put("GATEWAY_SSL_KEYSTORE_PASSWORD", tls.password());
        env.put("GATEWAY_SSL_KEY_PASSWORD", tls.password());
        saslSsl = TestGateways.start(env);

        env = backendEnv();
        env.put(ClientSecurity.PROTOCOL_KEY, "SSL");
        env.put("GATEWAY_SSL_KEYSTORE_LOCATION", tls.server().keystoreJks().toString());
        env.put("GATEWAY_SSL_KEYSTORE_TYPE", "JKS");
        env.put("GATEWAY_SSL_KEYSTORE_PASSWORD", tls.password());
        env.put("GATEWAY_SSL_KEY_PASSWORD", tls.password());
        env.put("GATEWAY_SSL_TRUSTSTORE_TYPE", "PEM");
        env.put("GATEWAY_SSL_TRUSTSTORE_LOCATION", tls.caCertificatePem().toString());
        env.put("GATEWAY_SSL_CLIENT_AUTH", "required");
        mutualTls = TestGateways.start(env);

        plaintext = TestGateways.start(backendEnv());
    }

    @AfterAll
    static void stop() {
        for (Gateway gateway : new Gateway[]{saslPlaintext, saslSsl, mutualTls, plaintext}) {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    private static Map<String, String> backendEnv() {
        return SecuredBackends.gatewayEnv(SecuredBackends.MAIN_GATEWAY_PASSWORD, SecuredBackends.FAILOVER_GATEWAY_PASSWORD);
    }

    @Test
    void theRightPasswordGetsInWithPlainAndBothScramMechanisms() {
        for (String mechanism : List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")) {
            assertThat(GatewayClients.describeCluster(client(saslPlaintext, mechanism, USER, PASSWORD)))
                    .as(mechanism).isInstanceOf(String.class);
        }
        assertThat(GatewayClients.describeCluster(client(saslSsl, "SCRAM-SHA-512", USER, PASSWORD))).isInstanceOf(String.class);
    }

    @Test
    void aWrongPasswordOrUnknownUserGetsAnAuthenticationErrorFromTheGateway() {
        Object plain = GatewayClients.describeCluster(client(saslPlaintext, "PLAIN", USER, WRONG_PASSWORD));
        assertThat(plain).isInstanceOf(SaslAuthenticationException.class);
        assertThat(((Exception) plain).getMessage()).contains("Invalid username or password");

        assertThat(GatewayClients.describeCluster(client(saslPlaintext, "SCRAM-SHA-256", USER, WRONG_PASSWORD)))
                .isInstanceOf(SaslAuthenticationException.class);
        assertThat(GatewayClients.describeCluster(client(saslPlaintext, "PLAIN", "mallory", PASSWORD)))
                .isInstanceOf(SaslAuthenticationException.class);
        assertThat(GatewayClients.describeCluster(client(saslSsl, "SCRAM-SHA-512", "mallory", PASSWORD)))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aMechanismTheGatewayDoesNotEnableIsRefusedByName() {
        Object result = GatewayClients.describeCluster(client(saslSsl, "PLAIN", USER, PASSWORD));

        assertThat(result).isInstanceOf(UnsupportedSaslMechanismException.class);
        assertThat(((Exception) result).getMessage()).contains("SCRAM-SHA-512");
    }

    @Test
    void aClientSpeakingPlaintextToTheSaslListenerIsDisconnected() throws IOException {
        try (CapturedLog log = CapturedLog.start();
             RawKafkaConnection connection = new RawKafkaConnection("127.0.0.1", saslPlaintext.config().bootstrapPort())) {
            connection.send(ApiKeys.API_VERSIONS, API_VERSIONS_VERSION, new ApiVersionsRequestData()
                    .setClientSoftwareName("raw").setClientSoftwareVersion("1"));
            ApiVersionsResponseData versions = connection.receive(ApiKeys.API_VERSIONS, API_VERSIONS_VERSION, ApiVersionsResponseData.class);
            // The gateway's listener asks for SASL, whatever the backend's does.
            assertThat(versions.apiKeys().find(ApiKeys.SASL_HANDSHAKE.id).maxVersion()).isEqualTo((short) 1);
            assertThat(versions.apiKeys().find(ApiKeys.SASL_AUTHENTICATE.id)).isNotNull();

            connection.send(ApiKeys.METADATA, (short) 12, new MetadataRequestData().setTopics(List.of()));

            assertThat(connection.closedByPeer()).as("connection closed by the gateway").isTrue();
            assertThat(log.linesContaining("sent Metadata before authenticating")).hasSize(1);
        }
    }

    @Test
    void aPlaintextListenerInFrontOfSaslBackendsOffersNoSaslAndServesMetadata() throws IOException {
        try (RawKafkaConnection connection = new RawKafkaConnection("127.0.0.1", plaintext.config().bootstrapPort())) {
            connection.send(ApiKeys.API_VERSIONS, API_VERSIONS_VERSION, new ApiVersionsRequestData()
                    .setClientSoftwareName("raw").setClientSoftwareVersion("1"));
            ApiVersionsResponseData versions = connection.receive(ApiKeys.API_VERSIONS, API_VERSIONS_VERSION, ApiVersionsResponseData.class);
            assertThat(versions.errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(versions.apiKeys().find(ApiKeys.SASL_HANDSHAKE.id)).isNull();
            assertThat(versions.apiKeys().find(ApiKeys.SASL_AUTHENTICATE.id)).isNull();

            connection.send(ApiKeys.METADATA, (short) 12, new MetadataRequestData().setTopics(List.of()));
            MetadataResponseData metadata = connection.receive(ApiKeys.METADATA, (short) 12, MetadataResponseData.class);
            assertThat(metadata.brokers()).hasSize(SecuredBackends.main().brokerIds().size());
        }
    }

    @Test
    void aTlsClientThatDoesNotTrustTheGatewayFailsItsHandshake() {
        Map<String, Object> untrusting = client(saslSsl, "SCRAM-SHA-512", USER, PASSWORD);
        untrusting.keySet().removeIf(key -> key.startsWith("ssl.truststore."));

        assertThat(GatewayClients.describeCluster(untrusting)).isInstanceOf(SslAuthenticationException.class);
    }

    @Test
    void mutualTlsAdmitsAClientCertificateAndRefusesAClientWithout() {
        TlsMaterial tls = SecuredBackends.tls();
        Map<String, Object> withCertificate = new HashMap<>(tls.clientMutualTlsProperties());
        withCertificate.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, mutualTls.bootstrapServers());
        withCertificate.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        Map<String, Object> withoutCertificate = new HashMap<>(withCertificate);
        withoutCertificate.keySet().removeIf(key -> key.startsWith("ssl.key"));

        assertThat(GatewayClients.describeCluster(withCertificate)).isInstanceOf(String.class);
        assertThat(GatewayClients.describeCluster(withoutCertificate)).isInstanceOf(SslAuthenticationException.class);
        assertThat(withoutCertificate).doesNotContainKey(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG);
    }

    @Test
    void everyoneElseKeepsBeingServedWhileOthersFail() throws Exception {
        Map<String, Object> good = client(saslPlaintext, "SCRAM-SHA-512", USER, PASSWORD);
        good.put(ProducerConfig.ACKS_CONFIG, "all");
        SecuredBackends.createTopic(SecuredBackends.main(), "auth-bystanders", 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(good, new StringSerializer(), new StringSerializer());
             Admin admin = Admin.create(client(saslPlaintext, "PLAIN", USER, PASSWORD))) {
            producer.send(new ProducerRecord<>("auth-bystanders", "before")).get(30, TimeUnit.SECONDS);
            String clusterId = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);

            for (int i = 0; i < 3; i++) {
                assertThat(GatewayClients.describeCluster(client(saslPlaintext, "PLAIN", USER, WRONG_PASSWORD)))
                        .isInstanceOf(SaslAuthenticationException.class);
                try (RawKafkaConnection rude = new RawKafkaConnection("127.0.0.1", saslPlaintext.config().bootstrapPort())) {
                    rude.send(ApiKeys.METADATA, (short) 12, new MetadataRequestData().setTopics(List.of()));
                    assertThat(rude.closedByPeer()).isTrue();
                }
            }

            // The connections that were open all along still work, and so do new ones.
            assertThat(producer.send(new ProducerRecord<>("auth-bystanders", "after")).get(30, TimeUnit.SECONDS).offset()).isEqualTo(1);
            assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isEqualTo(clusterId);
            assertThat(GatewayClients.describeCluster(client(saslPlaintext, "SCRAM-SHA-256", USER, PASSWORD))).isEqualTo(clusterId);
        }
    }

    private static Map<String, Object> client(Gateway gateway, String mechanism, String user, String password) {
        SecurityProtocol protocol = gateway == saslSsl ? SecurityProtocol.SASL_SSL : SecurityProtocol.SASL_PLAINTEXT;
        Map<String, Object> properties = GatewayClients.sasl(gateway, protocol, mechanism, user, password);
        properties.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, (int) Duration.ofSeconds(1).toMillis());
        return properties;
    }
}
