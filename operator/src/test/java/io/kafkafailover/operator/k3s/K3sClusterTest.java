package io.kafkafailover.operator.k3s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.model.SecurityProtocol;
import io.kafkafailover.operator.reconcile.Conditions;
import io.kafkafailover.operator.testing.OperatorHarness;
import io.kafkafailover.operator.testing.Resources;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Against a real API server (k3s): what the mock cannot check. The schema's enums, patterns, CEL
 * rules and defaults, and that the rendered objects pass real validation without being updated in
 * a loop. Runs only where Docker exists; skipped otherwise.
 */
class K3sClusterTest {

  private static final String IMAGE = "rancher/k3s:v1.31.5-k3s1";
  private static final String NAMESPACE = "kafka";

  private static K3sContainer k3s;
  private static KubernetesClient client;

  @BeforeAll
  static void startK3s() {
    assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker engine: the k3s test is skipped");
    k3s = new K3sContainer(DockerImageName.parse(IMAGE));
    k3s.start();
    client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml())).build();
    OperatorHarness.installCrd(client);
    await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() ->
        client.resources(KafkaFailover.class).inAnyNamespace().list() != null);
    client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).create();
  }

  @AfterAll
  static void stopK3s() {
    if (client != null) {
      client.close();
    }
    if (k3s != null) {
      k3s.stop();
    }
  }

  @Test
  void theSchemaRejectsWhatItCanSay() {
    KafkaFailover saslWithoutCredentials = Resources.payments(NAMESPACE, ClusterName.MAIN);
    saslWithoutCredentials.getMetadata().setName("no-sasl");
    saslWithoutCredentials.getSpec().main.sasl = null;
    assertRejected(saslWithoutCredentials, "sasl is required when securityProtocol is SASL_PLAINTEXT or SASL_SSL");

    KafkaFailover adminPortInRange = Resources.payments(NAMESPACE, ClusterName.MAIN);
    adminPortInRange.getMetadata().setName("admin-port");
    adminPortInRange.getSpec().gateway.adminPort = 6970;
    assertRejected(adminPortInRange, "adminPort must lie outside the Kafka port range");

    KafkaFailover badServers = Resources.payments(NAMESPACE, ClusterName.MAIN);
    badServers.getMetadata().setName("bad-servers");
    badServers.getSpec().failover.bootstrapServers = "secondary without port";
    assertRejected(badServers, "spec.failover.bootstrapServers");

    GenericKubernetesResource unknownCluster = new KubernetesSerialization().unmarshal(
        new KubernetesSerialization().asYaml(Resources.payments(NAMESPACE, ClusterName.MAIN))
            .replace("active: \"main\"", "active: \"backup\""), GenericKubernetesResource.class);
    unknownCluster.getMetadata().setName("unknown-cluster");
    assertThatThrownBy(() -> client.resource(unknownCluster).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("spec.active").contains("backup");
        });
  }

  @Test
  void theServerAppliesTheSchemaDefaults() {
    KafkaFailover plaintext = Resources.payments(NAMESPACE, ClusterName.MAIN);
    plaintext.getMetadata().setName("defaults");
    plaintext.getSpec().main = Resources.cluster("primary:9092", null, null, null, null);
    plaintext.getSpec().failover = Resources.cluster("secondary:9092", null, null, null, null);

    KafkaFailover created = client.resource(plaintext).create();

    assertThat(created.getSpec().main.securityProtocol).isEqualTo(SecurityProtocol.PLAINTEXT);
    assertThat(created.getSpec().gateway.portStart).isEqualTo(6969);
    assertThat(created.getSpec().gateway.adminPort).isEqualTo(8888);
    client.resource(created).delete();
  }

  @Test
  void theOperatorsObjectsPassRealValidationAndSettle() throws Exception {
    Resources.clusterSecrets(NAMESPACE).forEach(secret -> client.resource(secret).create());
    try (OperatorHarness operator = OperatorHarness.start(client)) {
      client.resource(Resources.payments(NAMESPACE, ClusterName.MAIN)).create();

      await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
        assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("payments-gateway").get()).isNotNull();
        assertThat(operator.condition(NAMESPACE, "payments", Conditions.READY).getReason())
            .isEqualTo("PodsNotReady");
      });
      // The API server fills in defaults; the operator must not see that as drift and update forever.
      long generation = deploymentGeneration();
      Thread.sleep(5000);
      assertThat(deploymentGeneration()).isEqualTo(generation);
    }
  }

  /** Moves with each change of the spec, not with the status that the Deployment controller writes. */
  private static long deploymentGeneration() {
    Deployment deployment = client.apps().deployments().inNamespace(NAMESPACE).withName("payments-gateway").get();
    return deployment.getMetadata().getGeneration();
  }

  private static void assertRejected(KafkaFailover resource, String message) {
    assertThatThrownBy(() -> client.resource(resource).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains(message);
        });
  }
}
