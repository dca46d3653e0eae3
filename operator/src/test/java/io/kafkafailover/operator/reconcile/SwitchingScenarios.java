package io.kafkafailover.operator.reconcile;

import static io.kafkafailover.operator.testing.Resources.paymentsWithAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.model.KafkaFailoverStatus;
import io.kafkafailover.operator.render.DeploymentRenderer;
import io.kafkafailover.operator.render.GatewayNames;
import io.kafkafailover.operator.testing.AdminApiGateway;
import io.kafkafailover.operator.testing.KubectlPlugin;
import io.kafkafailover.operator.testing.LoopbackPorts;
import io.kafkafailover.operator.testing.OperatorHarness;
import io.kafkafailover.operator.testing.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scenarios, with the operator running against the mock API server in CRUD mode and
 * three gateway "pods" on 127.0.0.2..4 (same admin port), which the test creates as Pod objects
 * with those IPs and a Ready condition. Subclasses decide what answers on those addresses.
 */
@EnableKubernetesMockClient(crud = true)
public abstract class SwitchingScenarios {

  protected static final String NAMESPACE = "kafka";
  protected static final String NAME = "payments";
  protected static final String ADMIN_USER = "admin";
  protected static final String ADMIN_PASSWORD = "conduktor";
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  protected KubernetesClient client;
  protected KubernetesMockServer server;
  protected OperatorHarness operator;
  protected final List<AdminApiGateway> gateways = new ArrayList<>();
  protected int adminPort;
  protected KafkaFailover resource;

  /** Starts a gateway whose admin API answers on ip:port with these credentials, serving {@code active}. */
  protected abstract AdminApiGateway startGateway(String ip, int port, String username, String password,
      String active);

  /** The KafkaFailover the scenarios switch; real gateways may want their clusters' addresses in it. */
  protected KafkaFailover newResource() {
    return paymentsWithAdmin(NAMESPACE, ClusterName.MAIN, adminPort);
  }

  @BeforeEach
  void startOperatorAndGateways() {
    adminPort = LoopbackPorts.freeOnAll(LoopbackPorts.POD_IPS);
    for (String ip : LoopbackPorts.POD_IPS) {
      gateways.add(startGateway(ip, adminPort, ADMIN_USER, ADMIN_PASSWORD, "main"));
    }
    Resources.clusterSecrets(NAMESPACE).forEach(secret -> client.resource(secret).create());
    client.resource(Resources.adminSecret(NAMESPACE, ADMIN_USER, ADMIN_PASSWORD)).create();
    operator = OperatorHarness.start(client);
    resource = client.resource(newResource()).create();
    for (int i = 0; i < gateways.size(); i++) {
      client.resource(Resources.readyGatewayPod(resource, podName(i), gateways.get(i).ip())).create();
    }
    awaitAllConfirmed(ClusterName.MAIN);
  }

  @AfterEach
  void stopOperatorAndGateways() {
    if (operator != null) {
      operator.close();
    }
    gateways.forEach(AdminApiGateway::close);
  }

  protected static String podName(int index) {
    return NAME + "-gateway-7f9c6-" + index;
  }

  @Test
  void patchingSpecActiveSwitchesEveryPodWithoutRestartingOne() {
    String checksumBefore = podTemplateChecksum();

    operator.patchActive(NAMESPACE, NAME, ClusterName.FAILOVER);

    awaitAllConfirmed(ClusterName.FAILOVER);
    assertThat(gateways).allSatisfy(gateway -> assertThat(gateway.activeCluster()).isEqualTo("failover"));
    KafkaFailoverStatus status = operator.status(NAMESPACE, NAME);
    assertThat(status.pods).extracting(pod -> pod.name)
        .containsExactly(podName(0), podName(1), podName(2));
    assertThat(status.pods).allSatisfy(pod -> {
      assertThat(pod.activeCluster).isEqualTo("failover");
      assertThat(pod.error).isNull();
    });
    assertThat(status.lastSwitch.from).isEqualTo("main");
    assertThat(status.lastSwitch.to).isEqualTo("failover");
    assertThat(status.lastSwitch.completedAt).isNotNull();
    assertThat(operator.condition(NAMESPACE, NAME, Conditions.SWITCHED).getMessage())
        .isEqualTo("3/3 ready gateway pods serve failover");
    assertThat(operator.condition(NAMESPACE, NAME, Conditions.READY).getStatus()).isEqualTo("True");
    assertThat(operator.events(NAMESPACE, "SwitchStarted")).hasSize(1);
    assertThat(operator.events(NAMESPACE, "SwitchCompleted")).hasSize(1);
    // A switch goes through the mounted ConfigMap and the admin API, never through new pods.
    assertThat(podTemplateChecksum()).isEqualTo(checksumBefore);
    assertThat(client.configMaps().inNamespace(NAMESPACE).withName(NAME + "-gateway-config").get()
        .getData().get("active-cluster")).isEqualTo("failover\n");
  }

  @Test
  void aGatewayDownDuringTheSwitchIsReportedAndCatchesUpWhenBack() {
    gateways.get(1).stop();

    operator.patchActive(NAMESPACE, NAME, ClusterName.FAILOVER);

    await().atMost(PATIENCE).untilAsserted(() -> {
      var switched = operator.condition(NAMESPACE, NAME, Conditions.SWITCHED);
      assertThat(switched.getStatus()).isEqualTo("False");
      assertThat(switched.getReason()).isEqualTo("PartialFailure");
      assertThat(switched.getMessage()).startsWith("2/3 ready gateway pods serve failover; lagging: " + podName(1));
    });
    assertThat(gateways.get(0).activeCluster()).isEqualTo("failover");
    assertThat(gateways.get(2).activeCluster()).isEqualTo("failover");
    KafkaFailoverStatus status = operator.status(NAMESPACE, NAME);
    assertThat(status.activeCluster).as("not applied until every ready pod confirms").isEqualTo("main");
    assertThat(status.pods.get(1).error).contains(gateways.get(1).ip());
    assertThat(operator.condition(NAMESPACE, NAME, Conditions.READY).getReason())
        .isEqualTo("PartialFailure");
    assertThat(operator.events(NAMESPACE, "SwitchFailed")).isNotEmpty();

    // It restarts on the old cluster; no new patch: the operator keeps trying on its own.
    gateways.get(1).start("main");

    awaitAllConfirmed(ClusterName.FAILOVER);
    assertThat(gateways.get(1).activeCluster()).isEqualTo("failover");
    assertThat(operator.status(NAMESPACE, NAME).pods.get(1).error).isNull();
  }

  @Test
  void aReplacedPodThatComesUpOnTheOldClusterIsSwitched() {
    operator.patchActive(NAMESPACE, NAME, ClusterName.FAILOVER);
    awaitAllConfirmed(ClusterName.FAILOVER);
    String oldUid = operator.status(NAMESPACE, NAME).pods.get(2).uid;

    client.pods().inNamespace(NAMESPACE).withName(podName(2)).delete();
    gateways.get(2).stop();
    gateways.get(2).start("main");
    Pod replacement =
        client.resource(Resources.readyGatewayPod(resource, podName(2), gateways.get(2).ip())).create();

    // While the replacement comes up, the status may list only the other two pods.
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(operator.status(NAMESPACE, NAME).pods).filteredOn(pod -> pod.name.equals(podName(2)))
            .singleElement().satisfies(pod -> {
              assertThat(pod.uid).isEqualTo(replacement.getMetadata().getUid()).isNotEqualTo(oldUid);
              assertThat(pod.activeCluster).isEqualTo("failover");
            }));
    assertThat(gateways.get(2).activeCluster()).isEqualTo("failover");
  }

  @Test
  void aPodSwitchedByHandIsSwitchedBack() {
    operator.patchActive(NAMESPACE, NAME, ClusterName.FAILOVER);
    awaitAllConfirmed(ClusterName.FAILOVER);

    gateways.get(0).switchByHand("main");

    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(gateways.get(0).activeCluster()).isEqualTo("failover");
      assertThat(operator.events(NAMESPACE, "DriftCorrected"))
          .anySatisfy(event -> assertThat(event.getMessage()).contains(podName(0)));
    });
    assertThat(operator.status(NAMESPACE, NAME).activeCluster).isEqualTo("failover");
  }

  @Test
  void switchingBackReturnsEveryPodToMain() {
    operator.patchActive(NAMESPACE, NAME, ClusterName.FAILOVER);
    awaitAllConfirmed(ClusterName.FAILOVER);

    operator.patchActive(NAMESPACE, NAME, ClusterName.MAIN);

    awaitAllConfirmed(ClusterName.MAIN);
    KafkaFailoverStatus status = operator.status(NAMESPACE, NAME);
    assertThat(status.lastSwitch.from).isEqualTo("failover");
    assertThat(status.lastSwitch.to).isEqualTo("main");
    assertThat(gateways).allSatisfy(gateway -> assertThat(gateway.activeCluster()).isEqualTo("main"));
  }

  @Test
  void theKubectlPluginSwitchesWaitsAndShowsTheStatus() {
    assumeTrue(KubectlPlugin.kubectlAvailable(), "kubectl is not on PATH");
    KubectlPlugin plugin = KubectlPlugin.against(server, client);

    KubectlPlugin.Result switched =
        plugin.run("switch", NAME, "--to", "failover", "--wait", "--timeout", "60", "-n", NAMESPACE);

    assertThat(switched.exitCode()).as(switched.output()).isZero();
    assertThat(switched.output())
        .contains("kafkafailover/payments: spec.active=failover (generation 2)")
        .contains("kafkafailover/payments: every ready gateway pod serves failover"
            + " (3/3 ready gateway pods serve failover)");
    assertThat(gateways).allSatisfy(gateway -> assertThat(gateway.activeCluster()).isEqualTo("failover"));

    KubectlPlugin.Result status = plugin.run("status", NAME, "-n", NAMESPACE);

    assertThat(status.exitCode()).as(status.output()).isZero();
    assertThat(status.output())
        .contains("ACTIVE:    failover")
        .contains("APPLIED:   failover")
        .contains("LAST SWITCH: main -> failover")
        .contains("Switched=True (AllPodsConfirmed): 3/3 ready gateway pods serve failover")
        .contains(podName(0) + "  ip=127.0.0.2  ready=true  active=failover");
  }

  @Test
  void theKubectlPluginGivesUpWaitingAndSaysWhichPodLags() {
    assumeTrue(KubectlPlugin.kubectlAvailable(), "kubectl is not on PATH");
    KubectlPlugin plugin = KubectlPlugin.against(server, client);
    gateways.get(2).stop();

    KubectlPlugin.Result switched =
        plugin.run("switch", NAME, "--to", "failover", "--wait", "--timeout", "5", "-n", NAMESPACE);

    assertThat(switched.exitCode()).isEqualTo(2);
    assertThat(switched.output()).contains("not every pod confirmed failover after 5s: 2/3 ready gateway pods"
        + " serve failover; lagging: " + podName(2));
  }

  protected void awaitAllConfirmed(ClusterName cluster) {
    await().atMost(PATIENCE).untilAsserted(() -> {
      KafkaFailover current = operator.get(NAMESPACE, NAME);
      assertThat(current.getStatus()).isNotNull();
      assertThat(current.getStatus().observedGeneration).isEqualTo(current.getMetadata().getGeneration());
      assertThat(current.getStatus().activeCluster).isEqualTo(cluster.configName());
      assertThat(current.getStatus().pods).hasSize(gateways.size())
          .allSatisfy(pod -> assertThat(pod.activeCluster).isEqualTo(cluster.configName()));
      assertThat(operator.condition(NAMESPACE, NAME, Conditions.SWITCHED).getStatus())
          .isEqualTo("True");
    });
  }

  private String podTemplateChecksum() {
    Deployment deployment = client.apps().deployments().inNamespace(NAMESPACE)
        .withName(GatewayNames.deployment(resource)).get();
    return deployment.getSpec().getTemplate().getMetadata().getAnnotations()
        .get(DeploymentRenderer.CHECKSUM_ANNOTATION);
  }
}
