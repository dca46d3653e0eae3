package io.kafkafailover.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class NodeConfigsTest {

    private static final Path DIRECTORY = Path.of("/tmp/not-created");

    @Test
    void everyDefaultIsARealBrokerSetting() {
        NodeConfigs configs = new NodeConfigs(3, 3000, 9000, ClientListener.plaintext(), Optional.empty(), Map.of());

        assertThat(KafkaConfig.configDef().names()).containsAll(configs.brokerDefaults().keySet());
    }

    @Test
    void kafkaAcceptsTheRenderedBrokerAndControllerConfigs() {
        SaslSetup sasl = SaslSetup.plain("admin", "admin-secret").withUser("alice", "alice-secret");
        NodeConfigs configs = new NodeConfigs(2, 3000, 9000, ClientListener.saslPlaintext(sasl),
                Optional.of(java.util.List.of("User:admin")), Map.of("log.retention.ms", "60000"));

        KafkaConfig broker = new KafkaConfig(strings(configs.broker(7, 9001, 9002, DIRECTORY)), false);
        KafkaConfig controller = new KafkaConfig(strings(configs.controller(3000, 9000, DIRECTORY)), false);

        assertThat(broker.brokerId()).isEqualTo(7);
        assertThat(broker.interBrokerListenerName().value()).isEqualTo("INTERNAL");
        assertThat(broker.logRetentionTimeMillis()).isEqualTo(60_000L);
        assertThat(broker.originals()).containsEntry("super.users", "User:ANONYMOUS;User:admin")
                .containsEntry("allow.everyone.if.no.acl.found", "false");
        assertThat(controller.nodeId()).isEqualTo(3000);
        assertThat(controller.originals()).containsEntry("num.partitions", "3").containsEntry("default.replication.factor", "2");
    }

    @Test
    void internalTopicsReplicateOnUpToThreeBrokersWithAMinIsrOneLower() {
        for (int brokers : new int[] {1, 2, 3, 5}) {
            Map<String, Object> defaults =
                    new NodeConfigs(brokers, 3000, 9000, ClientListener.plaintext(), Optional.empty(), Map.of()).brokerDefaults();
            int replicas = Math.min(3, brokers);

            assertThat(defaults).as("%d brokers", brokers)
                    .containsEntry("offsets.topic.replication.factor", replicas)
                    .containsEntry("transaction.state.log.replication.factor", replicas)
                    .containsEntry("share.coordinator.state.topic.replication.factor", replicas)
                    .containsEntry("transaction.state.log.min.isr", Math.max(1, replicas - 1))
                    .containsEntry("share.coordinator.state.topic.min.isr", Math.max(1, replicas - 1));
        }
    }

    @Test
    void theAuthorizerNeedsSaslBecauseOnPlaintextEveryoneIsASuperUser() {
        assertThatThrownBy(() -> KafkaCluster.builder().aclAuthorizer().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SASL");
        assertThatThrownBy(() -> KafkaCluster.builder().brokerIds(1, KafkaCluster.CONTROLLER_ID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> strings(Map<String, Object> config) {
        return config.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }
}
