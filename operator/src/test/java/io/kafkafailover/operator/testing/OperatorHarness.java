package io.kafkafailover.operator.testing;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kafkafailover.operator.KafkaFailoverOperator;
import io.kafkafailover.operator.OperatorSettings;
import io.kafkafailover.operator.OperatorSettings.LeaderElection;
import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.model.KafkaFailoverStatus;
import io.kafkafailover.operator.reconcile.Conditions;
import io.kafkafailover.operator.reconcile.ReconcileSettings;
import io.kafkafailover.operator.switching.SwitchPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Starts the operator against a (mock) API server with short intervals, and reads what it wrote. */
public final class OperatorHarness implements AutoCloseable {

  public static final String CRD_RESOURCE = "/META-INF/fabric8/kafkafailovers.kafkafailover.io-v1.yml";

  private final KubernetesClient client;
  private final KafkaFailoverOperator operator;

  private OperatorHarness(KubernetesClient client, KafkaFailoverOperator operator) {
    this.client = client;
    this.operator = operator;
  }

  public static OperatorHarness start(KubernetesClient client) {
    return start(client, Optional.empty());
  }

  public static OperatorHarness start(KubernetesClient client, Optional<LeaderElection> leaderElection) {
    installCrd(client);
    OperatorSettings settings = new OperatorSettings(
        Set.of(),
        new ReconcileSettings("kafka-failover/gateway:default", Duration.ofSeconds(1), Duration.ofMillis(200)),
        new SwitchPolicy(Duration.ofMillis(500), 2, Duration.ofMillis(50), Duration.ofMillis(100)),
        0,
        leaderElection);
    KafkaFailoverOperator operator = KafkaFailoverOperator.create(client, settings, new SimpleMeterRegistry());
    operator.start();
    return new OperatorHarness(client, operator);
  }

  public static void installCrd(KubernetesClient client) {
    try (InputStream crd = OperatorHarness.class.getResourceAsStream(CRD_RESOURCE)) {
      client.apiextensions().v1().customResourceDefinitions().load(crd).createOr(existing -> existing.update());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public KafkaFailover get(String namespace, String name) {
    return client.resources(KafkaFailover.class).inNamespace(namespace).withName(name).get();
  }

  public KafkaFailoverStatus status(String namespace, String name) {
    KafkaFailover resource = get(namespace, name);
    return resource == null || resource.getStatus() == null ? new KafkaFailoverStatus() : resource.getStatus();
  }

  /** @throws AssertionError while there is no such condition (so that Awaitility keeps waiting) */
  public Condition condition(String namespace, String name, String type) {
    return Conditions.find(status(namespace, name).conditions, type)
        .orElseThrow(() -> new AssertionError("no " + type + " condition yet"));
  }

  /** What {@code kubectl patch kafkafailover NAME --type merge -p '{"spec":{"active":...}}'} does. */
  public void patchActive(String namespace, String name, ClusterName active) {
    client.resources(KafkaFailover.class).inNamespace(namespace).withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"active\":\"" + active.configName() + "\"}}");
  }

  public List<Event> events(String namespace, String reason) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(event -> reason.equals(event.getReason()))
        .toList();
  }

  @Override
  public void close() {
    operator.close();
  }
}
