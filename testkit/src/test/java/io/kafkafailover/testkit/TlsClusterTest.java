package io.kafkafailover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsClusterTest {

    private static TlsMaterial tls;

    @BeforeAll
    static void generateCertificates() {
        tls = TlsMaterialGenerator.shared();
    }

    @Test
    void scramSha512OverSaslSslWorksForAClientThatTrustsTheCa() throws Exception {
        SaslSetup sasl = SaslSetup.scramSha512("admin", "admin-secret").withUser("carol", "carol-secret");
        try (KafkaCluster cluster = KafkaCluster.builder().name("scram-ssl").brokerIds(41, 42).saslSsl(sasl, tls).start()) {
            Map<String, Object> carol = cluster.clientProperties("carol");
            assertThat(carol).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                    .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
                    .containsEntry(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.truststoreP12().toString());
            List<String> sent = Records.values("scram", 10);

            Records.produce(carol, "scram-ssl", sent);

            assertThat(Records.consume(carol, "scram-ssl", sent.size())).containsExactlyInAnyOrderElementsOf(sent);

            Map<String, Object> wrongPassword = new HashMap<>(carol);
            wrongPassword.put(SaslConfigs.SASL_JAAS_CONFIG, sasl.clientJaasConfig("carol", "not-carols"));
            assertThat(describeFailure(wrongPassword)).isInstanceOf(SaslAuthenticationException.class);

            Map<String, Object> noTrustedCa = new HashMap<>(carol);
            noTrustedCa.keySet().removeIf(key -> key.startsWith("ssl.truststore."));
            assertThat(describeFailure(noTrustedCa)).isInstanceOf(SslAuthenticationException.class);
        }
    }

    @Test
    void mutualTlsAcceptsTheClientCertificateInPemForm() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.builder().name("mtls").ssl(tls)
                .brokerProperty("listener.name.client.ssl.client.auth", "required").start()) {
            // Kafka's own PEM loader reads the generated files: inline PEM key, chain and CA.
            Map<String, Object> pemClient = new HashMap<>();
            pemClient.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            pemClient.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
            pemClient.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
            pemClient.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, Files.readString(tls.client().privateKeyPem()));
            pemClient.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, Files.readString(tls.client().certificateChainPem()));
            pemClient.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
            pemClient.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, Files.readString(tls.caCertificatePem()));

            try (Admin admin = Admin.create(pemClient)) {
                assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS)).isEqualTo(cluster.clusterId());
            }
            Map<String, Object> withoutClientCertificate = cluster.adminClientProperties();
            assertThat(describeFailure(withoutClientCertificate)).isInstanceOf(SslAuthenticationException.class);
            Map<String, Object> withKeystore = cluster.adminClientProperties();
            withKeystore.putAll(tls.clientMutualTlsProperties());
            try (Admin admin = Admin.create(withKeystore)) {
                assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS)).isEqualTo(cluster.clusterId());
            }
        }
    }

    private static Throwable describeFailure(Map<String, Object> clientProperties) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(properties)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            try {
                admin.describeCluster().clusterId().get(15, TimeUnit.SECONDS);
                throw new AssertionError("expected a failure");
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
