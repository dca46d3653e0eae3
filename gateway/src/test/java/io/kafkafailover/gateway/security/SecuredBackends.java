package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.testing.TestGateways;
import io.kafkafailover.testkit.KafkaCluster;
import io.kafkafailover.testkit.SaslSetup;
import io.kafkafailover.testkit.TlsMaterial;
import io.kafkafailover.testkit.TlsMaterialGenerator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.plain.PlainLoginModule;
import org.apache.kafka.common.security.scram.ScramLoginModule;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Two secured backends, started once per JVM: {@code main} is SASL_PLAINTEXT with PLAIN, {@code
 * failover} is SASL_SSL with SCRAM-SHA-512 and the test CA. Both run an ACL authorizer that lets in
 * only their admin (a super user, for the tests' own checks) and the gateway's own user of that
 * cluster, which has ACLs for everything a client does. Gateway clients' users exist on neither.
 */
final class SecuredBackends {
    static final String MAIN_GATEWAY_USER = "gateway-main";
    static final String FAILOVER_GATEWAY_USER = "gateway-failover";
    static final String MAIN_GATEWAY_PASSWORD = TestSecrets.newPassword("main gateway user");
    static final String FAILOVER_GATEWAY_PASSWORD = TestSecrets.newPassword("failover gateway user");
    private static final String MAIN_ADMIN_PASSWORD = TestSecrets.newPassword("main admin");
    private static final String FAILOVER_ADMIN_PASSWORD = TestSecrets.newPassword("failover admin");

    private static KafkaCluster main;
    private static KafkaCluster failover;

    private SecuredBackends() {
    }

    static synchronized KafkaCluster main() {
        if (main == null) {
            main = startWithAcls(KafkaCluster.builder().name("secured-main").brokerIds(1, 2)
                    .saslPlaintext(SaslSetup.plain("main-admin", MAIN_ADMIN_PASSWORD).withUser(MAIN_GATEWAY_USER, MAIN_GATEWAY_PASSWORD))
                    .aclAuthorizer(), MAIN_GATEWAY_USER);
        }
        return main;
    }

    static synchronized KafkaCluster failover() {
        if (failover == null) {
            failover = startWithAcls(KafkaCluster.builder().name("secured-failover").brokerIds(101, 102)
                    .saslSsl(SaslSetup.scramSha512("failover-admin", FAILOVER_ADMIN_PASSWORD)
                            .withUser(FAILOVER_GATEWAY_USER, FAILOVER_GATEWAY_PASSWORD), tls())
                    .aclAuthorizer(), FAILOVER_GATEWAY_USER);
        }
        return failover;
    }

    /** The JVM's shared test CA and certificates; their store password is a secret too. */
    static TlsMaterial tls() {
        TlsMaterial tls = TlsMaterialGenerator.shared();
        TestSecrets.register(tls.password(), "test TLS store password");
        return tls;
    }

    /**
     * A gateway's environment for both clusters, logging in with the given passwords. The main
     * password comes in through a config provider, as it would from a Kubernetes Secret.
     */
    static Map<String, String> gatewayEnv(String mainPassword, String failoverPassword) {
        Map<String, String> env = TestGateways.clusterEnv(main(), failover());
        env.put("MAIN_GATEWAY_PASSWORD", mainPassword);
        env.put("KAFKA_MAIN_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("KAFKA_MAIN_SASL_MECHANISM", "PLAIN");
        env.put("KAFKA_MAIN_SASL_JAAS_CONFIG", PlainLoginModule.class.getName()
                + " required username=\"" + MAIN_GATEWAY_USER + "\" password=\"${env:MAIN_GATEWAY_PASSWORD}\";");
        env.put("KAFKA_FAILOVER_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("KAFKA_FAILOVER_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("KAFKA_FAILOVER_SASL_JAAS_CONFIG", ScramLoginModule.class.getName()
                + " required username=\"" + FAILOVER_GATEWAY_USER + "\" password=\"" + failoverPassword + "\";");
        env.put("KAFKA_FAILOVER_SSL_TRUSTSTORE_LOCATION", tls().truststoreJks().toString());
        env.put("KAFKA_FAILOVER_SSL_TRUSTSTORE_TYPE", "JKS");
        env.put("KAFKA_FAILOVER_SSL_TRUSTSTORE_PASSWORD", tls().password());
        return env;
    }

    static void createTopic(KafkaCluster cluster, String topic, int partitions) throws Exception {
        cluster.admin().createTopics(List.of(new NewTopic(topic, partitions, (short) cluster.brokerIds().size())))
                .all().get(30, TimeUnit.SECONDS);
    }

    private static KafkaCluster startWithAcls(KafkaCluster.Builder builder, String gatewayUser) {
        KafkaCluster cluster = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, cluster.name() + "-shutdown"));
        try {
            grantEverything(cluster, gatewayUser);
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw new IllegalStateException("cannot grant ACLs on " + cluster.name(), e);
        }
    }

    /** Everything a producer, consumer or admin client may do, for {@code user} only. */
    private static void grantEverything(KafkaCluster cluster, String user) throws Exception {
        AccessControlEntry all = new AccessControlEntry("User:" + user, "*", AclOperation.ALL, AclPermissionType.ALLOW);
        List<AclBinding> bindings = List.of(
                new AclBinding(new ResourcePattern(ResourceType.TOPIC, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL), all),
                new AclBinding(new ResourcePattern(ResourceType.GROUP, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL), all),
                new AclBinding(new ResourcePattern(ResourceType.TRANSACTIONAL_ID, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL), all),
                new AclBinding(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), all));
        Admin admin = cluster.admin();
        admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
        // Brokers learn ACLs from the metadata log a moment later: wait until the user may act.
        try (Admin asUser = Admin.create(cluster.clientProperties(user))) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                    !asUser.describeAcls(AclBindingFilter.ANY).values().get(5, TimeUnit.SECONDS).isEmpty());
        }
    }
}
