package io.kafkafailover.operator.reconcile;

import static io.kafkafailover.operator.testing.Resources.payments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.config.ClusterConfigLoader;
import io.kafkafailover.config.ClusterConfigs;
import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.model.SecurityProtocol;
import io.kafkafailover.operator.testing.OperatorHarness;
import io.kafkafailover.operator.testing.Resources;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the operator creates, and what it says about resources it cannot act on; mock API server, CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class ReconcilerResourcesTest {

  private static final String NAMESPACE = "kafka";
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  KubernetesClient client;
  private OperatorHarness operator;

  @BeforeEach
  void startOperator() {
    operator = OperatorHarness.start(client);
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  @Test
  void createsConfigMapSecretDeploymentAndServiceOwnedByTheResource() {
    Resources.clusterSecrets(NAMESPACE).forEach(secret -> client.resource(secret).create());
    KafkaFailover created = client.resource(payments(NAMESPACE, ClusterName.MAIN)).create();

    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("payments-gateway").get()).isNotNull();
      assertThat(client.services().inNamespace(NAMESPACE).withName("payments-gateway").get()).isNotNull();
    });
    ConfigMap config = client.configMaps().inNamespace(NAMESPACE).withName("payments-gateway-config").get();
    Secret admin = client.secrets().inNamespace(NAMESPACE).withName("payments-gateway-admin").get();
    Deployment deployment = client.apps().deployments().inNamespace(NAMESPACE).withName("payments-gateway").get();
    Service service = client.services().inNamespace(NAMESPACE).withName("payments-gateway").get();
    for (HasMetadata owned : new HasMetadata[] {config, admin, deployment, service}) {
      assertThat(owned.getMetadata().getOwnerReferences())
          .as(owned.getKind() + " is garbage-collected with its KafkaFailover")
          .singleElement()
          .satisfies(owner -> {
            assertThat(owner.getUid()).isEqualTo(created.getMetadata().getUid());
            assertThat(owner.getKind()).isEqualTo("KafkaFailover");
          });
    }
    assertThat(config.getData().get("active-cluster")).isEqualTo("main\n");
    String clusterConfig = config.getData().get("cluster-config.yaml");
    assertThat(clusterConfig).doesNotContain("primary-secret", "secondary-secret");
    ClusterConfigs clusters = ClusterConfigLoader.fromYaml(clusterConfig, "ConfigMap payments-gateway-config");
    assertThat(clusters.main().bootstrapServers()).isEqualTo("primary-1:9092,primary-2:9092");
    assertThat(clusters.failovers()).extracting(ClusterConfig::name).containsExactly("failover");
    String password = new String(Base64.getDecoder().decode(admin.getData().get("password")));
    assertThat(password).hasSizeGreaterThanOrEqualTo(40);
    assertThat(Serialized.yaml(deployment)).doesNotContain(password);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("kafka-failover/gateway:test");

    await().atMost(PATIENCE).untilAsserted(() -> {
      var ready = operator.condition(NAMESPACE, "payments", Conditions.READY);
      assertThat(ready.getStatus()).isEqualTo("False");
      assertThat(ready.getReason()).isEqualTo("PodsNotReady");
      assertThat(ready.getMessage()).isEqualTo("0/3 gateway pods ready");
      assertThat(ready.getObservedGeneration()).isEqualTo(1L);
      var switched = operator.condition(NAMESPACE, "payments", Conditions.SWITCHED);
      assertThat(switched.getStatus()).isEqualTo("Unknown");
      assertThat(switched.getReason()).isEqualTo("NoReadyPods");
    });
  }

  @Test
  void theGeneratedAdminPasswordNeverChanges() {
    Resources.clusterSecrets(NAMESPACE).forEach(secret -> client.resource(secret).create());
    client.resource(payments(NAMESPACE, ClusterName.MAIN)).create();
    await().atMost(PATIENCE).until(() ->
        client.secrets().inNamespace(NAMESPACE).withName("payments-gateway-admin").get() != null);
    String first = client.secrets().inNamespace(NAMESPACE).withName("payments-gateway-admin").get()
        .getData().get("password");

    operator.patchActive(NAMESPACE, "payments", ClusterName.FAILOVER);
    await().atMost(PATIENCE).until(() -> client.configMaps().inNamespace(NAMESPACE)
        .withName("payments-gateway-config").get().getData().get("active-cluster").equals("failover\n"));

    assertThat(client.secrets().inNamespace(NAMESPACE).withName("payments-gateway-admin").get()
        .getData().get("password")).isEqualTo(first);
  }

  @Test
  void aSpecTheSchemaWouldRejectIsReportedAndNothingIsCreated() {
    Resources.clusterSecrets(NAMESPACE).forEach(secret -> client.resource(secret).create());
    KafkaFailover invalid = payments(NAMESPACE, ClusterName.MAIN);
    invalid.getSpec().failover.securityProtocol = SecurityProtocol.SSL;  // sasl given, yet no SASL

    client.resource(invalid).create();

    await().atMost(PATIENCE).untilAsserted(() -> {
      var ready = operator.condition(NAMESPACE, "payments", Conditions.READY);
      assertThat(ready.getStatus()).isEqualTo("False");
      assertThat(ready.getReason()).isEqualTo("InvalidSpec");
      assertThat(ready.getMessage()).contains("spec.failover.sasl is not allowed with securityProtocol SSL");
    });
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("payments-gateway").get()).isNull();
    assertThat(operator.events(NAMESPACE, "InvalidSpec")).hasSize(1);
  }

  @Test
  void aSpecBrokenLaterLeavesTheRunningGatewaysAlone() {
    Resources.clusterSecrets(NAMESPACE).forEach(secret -> client.resource(secret).create());
    client.resource(payments(NAMESPACE, ClusterName.MAIN)).create();
    await().atMost(PATIENCE).until(() ->
        client.apps().deployments().inNamespace(NAMESPACE).withName("payments-gateway").get() != null);
    Deployment before = client.apps().deployments().inNamespace(NAMESPACE).withName("payments-gateway").get();

    client.resources(KafkaFailover.class).inNamespace(NAMESPACE).withName("payments").edit(resource -> {
      resource.getSpec().main.properties.put("ssl.key.password", "literal-secret");
      resource.getSpec().active = ClusterName.FAILOVER;
      return resource;
    });

    await().atMost(PATIENCE).untilAsserted(() -> {
      var ready = operator.condition(NAMESPACE, "payments", Conditions.READY);
      assertThat(ready.getReason()).isEqualTo("InvalidSpec");
      assertThat(ready.getMessage())
          .contains("spec.main.properties.ssl.key.password holds a secret")
          .doesNotContain("literal-secret");
      assertThat(ready.getObservedGeneration()).isEqualTo(2L);
    });
    Deployment after = client.apps().deployments().inNamespace(NAMESPACE).withName("payments-gateway").get();
    assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
    assertThat(client.configMaps().inNamespace(NAMESPACE).withName("payments-gateway-config").get()
        .getData().get("active-cluster")).as("the switch waits for a valid spec").isEqualTo("main\n");
  }

  @Test
  void aMissingSecretIsReportedUntilItIsCreated() {
    Resources.clusterSecrets(NAMESPACE).stream()
        .filter(secret -> !secret.getMetadata().getName().equals("secondary-credentials"))
        .forEach(secret -> client.resource(secret).create());
    client.resource(payments(NAMESPACE, ClusterName.MAIN)).create();

    await().atMost(PATIENCE).untilAsserted(() -> {
      var ready = operator.condition(NAMESPACE, "payments", Conditions.READY);
      assertThat(ready.getStatus()).isEqualTo("False");
      assertThat(ready.getReason()).isEqualTo("SecretMissing");
      assertThat(ready.getMessage())
          .isEqualTo("Secret 'secondary-credentials' not found in namespace kafka (needed for cluster failover)");
    });
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("payments-gateway").get()).isNull();

    client.resource(Resources.clusterSecrets(NAMESPACE).stream()
        .filter(secret -> secret.getMetadata().getName().equals("secondary-credentials"))
        .findFirst().orElseThrow()).create();

    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("payments-gateway").get()).isNotNull();
      assertThat(operator.condition(NAMESPACE, "payments", Conditions.READY).getReason())
          .isEqualTo("PodsNotReady");
    });
  }

  @Test
  void aRotatedPasswordRollsThePodsButASwitchDoesNot() {
    Resources.clusterSecrets(NAMESPACE).forEach(secret -> client.resource(secret).create());
    client.resource(payments(NAMESPACE, ClusterName.MAIN)).create();
    await().atMost(PATIENCE).until(() -> checksum() != null);
    String initial = checksum();

    operator.patchActive(NAMESPACE, "payments", ClusterName.FAILOVER);
    await().atMost(PATIENCE).until(() -> client.configMaps().inNamespace(NAMESPACE)
        .withName("payments-gateway-config").get().getData().get("active-cluster").equals("failover\n"));
    assertThat(checksum()).isEqualTo(initial);

    client.resource(Resources.secret(NAMESPACE, "secondary-credentials",
        java.util.Map.of("password", "rotated"))).update();

    await().atMost(PATIENCE).until(() -> !initial.equals(checksum()));
  }

  private String checksum() {
    Deployment deployment = client.apps().deployments().inNamespace(NAMESPACE).withName("payments-gateway").get();
    return deployment == null ? null
        : deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("kafkafailover.io/config-checksum");
  }

  private static final class Serialized {
    static String yaml(Object object) {
      return io.fabric8.kubernetes.client.utils.Serialization.asYaml(object);
    }
  }
}
