package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.Gateway;
import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.TlsMaterial;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin API over HTTPS, with the same kind of key material and settings as the Kafka listener. */
class AdminTlsTest {

    @Test
    void theAdminApiSpeaksHttpsWithTheConfiguredCertificate() throws Exception {
        TlsMaterial tls = SecuredBackends.tls();
        Map<String, String> env = SecuredBackends.gatewayEnv(SecuredBackends.MAIN_GATEWAY_PASSWORD, SecuredBackends.FAILOVER_GATEWAY_PASSWORD);
        env.put(AdminTls.PROTOCOL_KEY, "HTTPS");
        env.put("GATEWAY_HTTP_SSL_KEYSTORE_LOCATION", tls.server().keystoreJks().toString());
        env.put("GATEWAY_HTTP_SSL_KEYSTORE_TYPE", "JKS");
        env.put("GATEWAY_HTTP_SSL_KEYSTORE_PASSWORD", tls.password());
        env.put("GATEWAY_HTTP_SSL_KEY_PASSWORD", tls.password());
        try (Gateway gateway = TestGateways.start(env)) {
            String base = "https://127.0.0.1:" + gateway.adminPort();
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(tls)).connectTimeout(Duration.ofSeconds(5)).build();

            assertThat(trusting.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            HttpResponse<String> anonymous = trusting.send(HttpRequest.newBuilder(URI.create(base + "/admin/pclusters/v1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
            String credentials = TestGateways.ADMIN_USER + ":" + TestGateways.ADMIN_PASSWORD;
            HttpResponse<String> listed = trusting.send(HttpRequest.newBuilder(URI.create(base + "/admin/pclusters/v1"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains("failover");

            HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
            assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort() + "/health/live"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        }
    }

    private static SSLContext trusting(TlsMaterial tls) throws Exception {
        KeyStore truststore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.truststoreP12())) {
            truststore.load(in, tls.password().toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(truststore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
