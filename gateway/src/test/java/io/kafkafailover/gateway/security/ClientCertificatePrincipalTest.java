package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.proxy.Transport;
import io.kafkafailover.testkit.TlsMaterial;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** With SSL alone, a connection's principal is its client certificate's subject, mapped as a broker maps it. */
class ClientCertificatePrincipalTest {

    @Test
    void theWholeSubjectByDefault() throws Exception {
        assertThat(principalOfTheTestClient(Map.of())).isEqualTo("CN=kafka-client");
    }

    @Test
    void mappedByTheConfiguredRules() throws Exception {
        assertThat(principalOfTheTestClient(Map.of("GATEWAY_SSL_PRINCIPAL_MAPPING_RULES", "RULE:^CN=(.*?)$/$1/U,DEFAULT")))
                .isEqualTo("KAFKA-CLIENT");
    }

    /** Runs the client listener's TLS handlers on a real socket and reads the principal they record. */
    private static String principalOfTheTestClient(Map<String, String> extra) throws Exception {
        TlsMaterial tls = SecuredBackends.tls();
        Map<String, String> env = new HashMap<>(extra);
        env.put(ClientSecurity.PROTOCOL_KEY, "SSL");
        env.put("GATEWAY_SSL_KEYSTORE_LOCATION", tls.server().keystoreP12().toString());
        env.put("GATEWAY_SSL_KEYSTORE_PASSWORD", tls.password());
        env.put("GATEWAY_SSL_TRUSTSTORE_LOCATION", tls.truststoreP12().toString());
        env.put("GATEWAY_SSL_TRUSTSTORE_PASSWORD", tls.password());
        env.put("GATEWAY_SSL_CLIENT_AUTH", "required");
        CompletableFuture<String> principal = new CompletableFuture<>();
        EventLoopGroup group = Transport.best().newGroup(1, "principal-test");
        try (ClientListenerSecurity security = ClientListenerSecurity.start(ClientSecurity.fromEnvironment(env))) {
            Channel server = new ServerBootstrap().group(group).channel(Transport.best().serverChannel())
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            security.addTls(channel);
                            channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                @Override
                                public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                                    if (event instanceof SslHandshakeCompletionEvent) {
                                        principal.complete(ClientPrincipal.of(ctx.channel()).orElse("none"));
                                    }
                                }
                            });
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            try (SSLSocket client = (SSLSocket) clientContext(tls).getSocketFactory().createSocket("127.0.0.1", port)) {
                client.startHandshake();
                return principal.get(10, TimeUnit.SECONDS);
            } finally {
                server.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    private static SSLContext clientContext(TlsMaterial tls) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(tls.client().keystoreP12(), tls.password()), tls.password().toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(tls.truststoreP12(), tls.password()));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path path, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
