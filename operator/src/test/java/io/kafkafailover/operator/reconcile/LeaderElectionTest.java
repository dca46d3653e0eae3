package io.kafkafailover.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kafkafailover.operator.OperatorSettings.LeaderElection;
import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.testing.OperatorHarness;
import io.kafkafailover.operator.testing.Resources;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two operator replicas on one (mock) API server: one leads through a Lease, the other takes over. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {

  private static final String NAMESPACE = "kafka";
  private static final String OPERATOR_NAMESPACE = "kafka-failover-system";

  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void oneReplicaReconcilesAndTheOtherTakesOverWhenItStops() {
    // JOSDK asks whether it may use Leases; the mock does not evaluate RBAC, so answer as the
    // API server would with manifests/rbac/leader-election-role.yaml bound.
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, new SelfSubjectRulesReviewBuilder()
            .withNewStatus()
            .addNewResourceRule()
            .withApiGroups("coordination.k8s.io").withResources("leases").withVerbs("get", "create", "update")
            .endResourceRule()
            .withIncomplete(false)
            .endStatus()
            .build())
        .always();
    Resources.clusterSecrets(NAMESPACE).forEach(secret -> client.resource(secret).create());
    OperatorHarness first = OperatorHarness.start(client, Optional.of(election("operator-a")));
    OperatorHarness second = OperatorHarness.start(client, Optional.of(election("operator-b")));
    try {
      client.resource(Resources.payments(NAMESPACE, ClusterName.MAIN)).create();
      await().atMost(Duration.ofSeconds(20)).until(() -> activeClusterFile() != null);
      String leader = holder();
      assertThat(leader).isIn("operator-a", "operator-b");

      (leader.equals("operator-a") ? first : second).close();
      first = leader.equals("operator-a") ? null : first;
      second = leader.equals("operator-b") ? null : second;
      operatorOf(first, second).patchActive(NAMESPACE, "payments", ClusterName.FAILOVER);

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(holder()).isNotEqualTo(leader);
        assertThat(activeClusterFile()).isEqualTo("failover\n");
      });
    } finally {
      if (first != null) {
        first.close();
      }
      if (second != null) {
        second.close();
      }
    }
  }

  private static LeaderElection election(String identity) {
    return new LeaderElection(OPERATOR_NAMESPACE, identity, Duration.ofSeconds(2), Duration.ofMillis(1500),
        Duration.ofMillis(250));
  }

  private static OperatorHarness operatorOf(OperatorHarness first, OperatorHarness second) {
    return first != null ? first : second;
  }

  private String holder() {
    Lease lease = client.leases().inNamespace(OPERATOR_NAMESPACE).withName(LeaderElection.LEASE_NAME).get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private String activeClusterFile() {
    var config = client.configMaps().inNamespace(NAMESPACE).withName("payments-gateway-config").get();
    return config == null ? null : Optional.ofNullable(config.getData()).orElse(Map.of()).get("active-cluster");
  }
}
