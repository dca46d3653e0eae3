package io.kafkafailover.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialGeneratorTest {

    @TempDir
    static Path directory;
    private static TlsMaterial tls;

    @BeforeAll
    static void generate() {
        tls = TlsMaterialGenerator.generate(directory, "test-password");
    }

    @Test
    void serverCertificateIsForLoopbackAndIssuedByTheCa() throws Exception {
        List<X509Certificate> chain = readCertificates(tls.server().certificateChainPem());
        X509Certificate ca = readCertificates(tls.caCertificatePem()).get(0);

        assertThat(chain).hasSize(2);
        assertThat(chain.get(1)).isEqualTo(ca);
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        chain.get(0).verify(ca.getPublicKey());
        assertThat(chain.get(0).getSubjectAlternativeNames())
                .contains(List.of(7, "127.0.0.1"), List.of(2, "localhost"));
        assertThat(chain.get(0).getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    }

    @Test
    void truststoresTrustTheServerAndClientChains() throws Exception {
        for (Path truststore : List.of(tls.truststoreP12(), tls.truststoreJks())) {
            X509TrustManager trustManager = trustManager(truststore);
            X509Certificate[] server = readCertificates(tls.server().certificateChainPem()).toArray(X509Certificate[]::new);
            X509Certificate[] client = readCertificates(tls.client().certificateChainPem()).toArray(X509Certificate[]::new);

            trustManager.checkServerTrusted(server, "RSA");
            trustManager.checkClientTrusted(client, "RSA");
        }
    }

    @Test
    void pemPrivateKeysArePkcs8AndMatchTheirCertificates() throws Exception {
        for (TlsMaterial.Identity identity : List.of(tls.server(), tls.client())) {
            String pem = Files.readString(identity.privateKeyPem(), StandardCharsets.US_ASCII);
            assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));

            X509Certificate certificate = readCertificates(identity.certificateChainPem()).get(0);
            assertThat(signatureVerifies(key, certificate)).as(identity.alias()).isTrue();
        }
    }

    @Test
    void keystoresInBothFormatsHoldTheKeyWithItsChain() throws Exception {
        for (TlsMaterial.Identity identity : List.of(tls.server(), tls.client())) {
            for (Path path : List.of(identity.keystoreP12(), identity.keystoreJks())) {
                KeyStore keystore = KeyStore.getInstance(path.toString().endsWith(".jks") ? "JKS" : "PKCS12");
                try (InputStream in = Files.newInputStream(path)) {
                    keystore.load(in, tls.password().toCharArray());
                }
                assertThat(keystore.isKeyEntry(identity.alias())).as(path.toString()).isTrue();
                assertThat(keystore.getCertificateChain(identity.alias())).hasSize(2);
                assertThat(keystore.getKey(identity.alias(), tls.password().toCharArray())).isNotNull();
            }
        }
    }

    @Test
    void theCaPrivateKeyIsNotLeftBehind() throws Exception {
        try (var files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("ca.crt", "truststore.p12", "truststore.jks",
                            "server.p12", "server.jks", "server.crt", "server.key",
                            "client.p12", "client.jks", "client.crt", "client.key");
        }
    }

    private static boolean signatureVerifies(PrivateKey key, X509Certificate certificate) throws Exception {
        byte[] data = "proof of possession".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }

    private static X509TrustManager trustManager(Path truststore) throws Exception {
        KeyStore store = KeyStore.getInstance(truststore.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
            store.load(in, tls.password().toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    private static List<X509Certificate> readCertificates(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        }
    }
}
