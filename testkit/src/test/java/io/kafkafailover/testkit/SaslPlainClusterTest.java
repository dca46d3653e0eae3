package io.kafkafailover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SaslPlainClusterTest {

    private static final SaslSetup SASL = SaslSetup.plain("admin", "admin-secret")
            .withUser("alice", "alice-secret")
            .withUser("bob", "bob-secret");
    private static KafkaCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = KafkaCluster.builder().name("sasl-plain").brokerIds(11, 12).saslPlaintext(SASL).aclAuthorizer().start();
    }

    @AfterAll
    static void closeCluster() {
        cluster.close();
    }

    @Test
    void rejectsAWrongPassword() {
        Map<String, Object> properties = cluster.clientProperties("alice");
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, SASL.clientJaasConfig("alice", "not-alice-secret"));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);

        try (Admin admin = Admin.create(properties)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void acceptsTheRightPasswordOverSaslPlaintext() throws Exception {
        assertThat(cluster.adminClientProperties())
                .containsEntry("security.protocol", SecurityProtocol.SASL_PLAINTEXT.name)
                .containsEntry(SaslConfigs.SASL_MECHANISM, "PLAIN");

        try (Admin admin = Admin.create(cluster.clientProperties("bob"))) {
            assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS)).isEqualTo(cluster.clusterId());
        }
    }

    @Test
    void theAuthorizerLetsInOnlyPrincipalsWithAcls() throws Exception {
        String topic = "acl-guarded";
        List<String> sent = Records.values("acl", 5);

        assertThatThrownBy(() -> Records.produce(cluster.clientProperties("alice"), topic, sent))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);

        ResourcePattern topicPattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        ResourcePattern anyGroup = new ResourcePattern(ResourceType.GROUP, "*", PatternType.LITERAL);
        cluster.admin().createAcls(List.of(
                allow("alice", topicPattern, AclOperation.ALL),
                allow("alice", anyGroup, AclOperation.READ))).all().get(10, TimeUnit.SECONDS);
        // ACLs reach each broker through the metadata log; the producer retries until they arrive.
        Records.produce(cluster.clientProperties("alice"), topic, sent);

        assertThat(Records.consume(cluster.clientProperties("alice"), topic, sent.size()))
                .containsExactlyInAnyOrderElementsOf(sent);
        assertThatThrownBy(() -> Records.consume(cluster.clientProperties("bob"), topic, 1))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    private static AclBinding allow(String user, ResourcePattern pattern, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
