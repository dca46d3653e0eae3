package io.kafkafailover.testkit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Throwaway TLS files signed by a test CA, made by {@link TlsMaterialGenerator}: a server identity
 * (SAN IP 127.0.0.1 and DNS localhost), a client identity, and truststores holding the CA.
 *
 * <p>Every keystore, truststore and key shares one password, {@link #password()}.
 */
public final class TlsMaterial {

    /**
     * One certificate with its private key, in every form a test client or server may ask for.
     *
     * @param keystoreP12          PKCS12 keystore, key entry {@code alias} with the chain up to the CA
     * @param keystoreJks          the same entry as a JKS keystore
     * @param certificateChainPem  PEM certificates, the leaf first, then the CA
     * @param privateKeyPem        PEM unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY})
     */
    public record Identity(String alias, Path keystoreP12, Path keystoreJks, Path certificateChainPem, Path privateKeyPem) {
    }

    private final Path directory;
    private final String password;
    private final Path caCertificatePem;
    private final Path truststoreP12;
    private final Path truststoreJks;
    private final Identity server;
    private final Identity client;

    TlsMaterial(Path directory, String password, Path caCertificatePem, Path truststoreP12, Path truststoreJks,
                Identity server, Identity client) {
        this.directory = directory;
        this.password = password;
        this.caCertificatePem = caCertificatePem;
        this.truststoreP12 = truststoreP12;
        this.truststoreJks = truststoreJks;
        this.server = server;
        this.client = client;
    }

    public Path directory() {
        return directory;
    }

    /** The password of every store and key in this material. */
    public String password() {
        return password;
    }

    public Path caCertificatePem() {
        return caCertificatePem;
    }

    /** PKCS12 truststore with the CA certificate (alias {@code ca}). */
    public Path truststoreP12() {
        return truststoreP12;
    }

    public Path truststoreJks() {
        return truststoreJks;
    }

    /** Certificate for 127.0.0.1 / localhost, for brokers and gateways. */
    public Identity server() {
        return server;
    }

    /** Certificate with CN=kafka-client, for mutual TLS. */
    public Identity client() {
        return client;
    }

    /** Kafka client properties that trust the test CA (PKCS12 truststore). */
    public Map<String, Object> clientTrustProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststoreP12.toString());
        properties.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, password);
        properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        return properties;
    }

    /** {@link #clientTrustProperties()} plus the client certificate, for listeners that require client auth. */
    public Map<String, Object> clientMutualTlsProperties() {
        Map<String, Object> properties = clientTrustProperties();
        properties.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, client.keystoreP12().toString());
        properties.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, password);
        properties.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, password);
        properties.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12");
        return properties;
    }

    /**
     * Server-side properties (unprefixed, as for one listener): the server certificate, and the CA
     * as truststore so that a listener with {@code ssl.client.auth=required} accepts the client certificate.
     */
    public Map<String, Object> serverProperties() {
        Map<String, Object> properties = clientTrustProperties();
        properties.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, server.keystoreP12().toString());
        properties.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, password);
        properties.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, password);
        properties.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12");
        return properties;
    }

    @Override
    public String toString() {
        return "TlsMaterial{" + directory + '}';
    }
}
