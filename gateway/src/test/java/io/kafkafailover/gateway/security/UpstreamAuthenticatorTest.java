package io.kafkafailover.gateway.security;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.gateway.proxy.Transport;
import io.kafkafailover.gateway.proxy.UpstreamPipeline;
import io.kafkafailover.gateway.proxy.UpstreamReady;
import io.kafkafailover.testkit.KafkaCluster;
import io.kafkafailover.testkit.SaslSetup;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upstream connections made by {@link UpstreamPipeline} against real brokers: they are announced
 * ready only once secured, and every way of failing ends with a reason that names the cluster.
 */
class UpstreamAuthenticatorTest {
    private static EventLoopGroup group;
    private static UpstreamSecurity security;
    private static UpstreamPipeline pipeline;

    @BeforeAll
    static void start() {
        group = Transport.best().newGroup(1, "upstream-test");
        security = new UpstreamSecurity(Duration.ofMillis(700), Duration.ofMinutes(1));
        pipeline = new UpstreamPipeline(1024 * 1024, security);
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        security.close();
    }

    @Test
    void theRightCredentialsMakeAReadyConnection() throws Exception {
        KafkaCluster main = SecuredBackends.main();
        KafkaCluster failover = SecuredBackends.failover();

        Channel plain = connect(cluster("main", main, plain(SecuredBackends.MAIN_GATEWAY_USER, SecuredBackends.MAIN_GATEWAY_PASSWORD)))
                .get(10, TimeUnit.SECONDS);
        Channel scram = connect(cluster("failover", failover, scramOverTls(SecuredBackends.FAILOVER_GATEWAY_PASSWORD)))
                .get(10, TimeUnit.SECONDS);
        try {
            assertThat(plain.isActive()).isTrue();
            assertThat(scram.isActive()).isTrue();
        } finally {
            plain.close();
            scram.close();
        }
    }

    @Test
    void aMechanismTheClusterDoesNotEnableIsNamed() {
        Map<String, String> scram = plain(SecuredBackends.MAIN_GATEWAY_USER, SecuredBackends.MAIN_GATEWAY_PASSWORD);
        scram.put("sasl.mechanism", "SCRAM-SHA-256");
        scram.put("sasl.jaas.config", SaslSetup.clientJaasConfig("SCRAM-SHA-256", SecuredBackends.MAIN_GATEWAY_USER,
                SecuredBackends.MAIN_GATEWAY_PASSWORD));

        assertThat(failure(cluster("scram-vs-plain", SecuredBackends.main(), scram)))
                .isEqualTo("cluster 'scram-vs-plain': the cluster does not enable SASL mechanism SCRAM-SHA-256 (it enables [PLAIN])");
    }

    @Test
    void tlsAgainstAPlaintextListenerFailsAsATlsProblem() {
        Map<String, String> tls = plain(SecuredBackends.MAIN_GATEWAY_USER, SecuredBackends.MAIN_GATEWAY_PASSWORD);
        tls.put("security.protocol", "SASL_SSL");
        tls.putAll(trust());

        assertThat(failure(cluster("tls-vs-plaintext", SecuredBackends.main(), tls)))
                .startsWith("cluster 'tls-vs-plaintext': ").containsIgnoringCase("TLS handshake");
    }

    @Test
    void aBrokerThatTrustsNoOneElseIsNotTrustedWithoutTheCa() {
        Map<String, String> untrusted = scramOverTls(SecuredBackends.FAILOVER_GATEWAY_PASSWORD);
        untrusted.keySet().removeIf(key -> key.startsWith("ssl.truststore"));

        assertThat(failure(cluster("unknown-ca", SecuredBackends.failover(), untrusted)))
                .startsWith("cluster 'unknown-ca': TLS handshake failed: ").contains("certification path");
    }

    @Test
    void aPeerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(5000);
                } catch (IOException | InterruptedException ignored) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Map<String, String> properties = plain("someone", TestSecrets.newPassword("password sent to nobody"));
            properties.put("bootstrap.servers", "127.0.0.1:" + silent.getLocalPort());

            assertThat(failure(new ClusterConfig("silent", Set.of(), properties)))
                    .isEqualTo("cluster 'silent': no TLS handshake and authentication within 700 ms");
        }
    }

    private static Map<String, String> plain(String user, String password) {
        Map<String, String> properties = new HashMap<>();
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", "PLAIN");
        properties.put("sasl.jaas.config", SaslSetup.clientJaasConfig("PLAIN", user, password));
        return properties;
    }

    private static Map<String, String> scramOverTls(String password) {
        Map<String, String> properties = new HashMap<>();
        properties.put("security.protocol", "SASL_SSL");
        properties.put("sasl.mechanism", "SCRAM-SHA-512");
        properties.put("sasl.jaas.config", SaslSetup.clientJaasConfig("SCRAM-SHA-512", SecuredBackends.FAILOVER_GATEWAY_USER, password));
        properties.putAll(trust());
        return properties;
    }

    private static Map<String, String> trust() {
        Map<String, String> trust = new HashMap<>();
        SecuredBackends.tls().clientTrustProperties().forEach((key, value) -> trust.put(key, String.valueOf(value)));
        return trust;
    }

    private static ClusterConfig cluster(String name, KafkaCluster kafka, Map<String, String> security) {
        Map<String, String> properties = new HashMap<>(security);
        properties.put("bootstrap.servers", kafka.bootstrapServers().split(",")[0]);
        return new ClusterConfig(name, Set.of(), properties);
    }

    private static String failure(ClusterConfig cluster) {
        try {
            Channel channel = connect(cluster).get(10, TimeUnit.SECONDS);
            channel.close();
            throw new AssertionError("cluster " + cluster.name() + " accepted the connection");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(UpstreamAuthenticationException.class);
            return e.getCause().getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Completes once the pipeline says the connection is ready, or fails with what it reported. */
    private static CompletableFuture<Channel> connect(ClusterConfig cluster) {
        CompletableFuture<Channel> ready = new CompletableFuture<>();
        String server = cluster.bootstrapAddresses().get(0);
        new Bootstrap().group(group).channel(Transport.best().socketChannel())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        pipeline.configure(channel, cluster, new ChannelInboundHandlerAdapter() {
                            @Override
                            public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                                if (event == UpstreamReady.INSTANCE) {
                                    ready.complete(ctx.channel());
                                }
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                ready.completeExceptionally(cause);
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                ready.completeExceptionally(new IOException("closed without a reason"));
                            }
                        });
                    }
                })
                .connect(new InetSocketAddress(Utils.getHost(server), Utils.getPort(server)))
                .addListener(future -> {
                    if (!future.isSuccess()) {
                        ready.completeExceptionally(future.cause());
                    }
                });
        return ready;
    }
}
