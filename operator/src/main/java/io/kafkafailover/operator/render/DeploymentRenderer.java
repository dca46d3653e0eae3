package io.kafkafailover.operator.render;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kafkafailover.admin.AdminApiPaths;
import io.kafkafailover.operator.model.KafkaFailover;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway Deployment. {@code spec.active} appears nowhere in it: a switch must never restart a
 * gateway. What does need new pods (cluster addresses, credentials) changes the checksum annotation.
 */
public final class DeploymentRenderer {

  public static final String CHECKSUM_ANNOTATION = "kafkafailover.io/config-checksum";
  public static final String CONTAINER_NAME = "gateway";

  private DeploymentRenderer() {}

  public static Deployment render(RenderInputs inputs) {
    KafkaFailover resource = inputs.resource();
    GatewaySettings gateway = inputs.gateway();
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(GatewayNames.deployment(resource))
        .withNamespace(resource.getMetadata().getNamespace())
        .withLabels(GatewayNames.labels(resource))
        .endMetadata()
        .withNewSpec()
        .withReplicas(gateway.replicas())
        .withNewSelector()
        .withMatchLabels(GatewayNames.selector(resource))
        .endSelector()
        // Never fewer ready gateways than asked for while a new configuration rolls out.
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withNewMaxUnavailable(0)
        .withNewMaxSurge(1)
        .endRollingUpdate()
        .endStrategy()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(GatewayNames.labels(resource))
        .withAnnotations(podAnnotations(inputs, gateway))
        .endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withContainers(container(resource, gateway))
        .withVolumes(GatewayVolumes.volumes(resource, gateway))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Map<String, String> podAnnotations(RenderInputs inputs, GatewaySettings gateway) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(CHECKSUM_ANNOTATION, checksum(inputs));
    annotations.put("prometheus.io/scrape", "true");
    annotations.put("prometheus.io/port", Integer.toString(gateway.adminPort()));
    annotations.put("prometheus.io/path", AdminApiPaths.METRICS);
    return annotations;
  }

  /** Covers the cluster configuration and the credentials, never the active cluster. */
  static String checksum(RenderInputs inputs) {
    String content = ConfigMapRenderer.clusterConfigYaml(inputs.resource())
        + "\n---\n" + inputs.credentialsVersion();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static Container container(KafkaFailover resource, GatewaySettings gateway) {
    return new ContainerBuilder()
        .withName(CONTAINER_NAME)
        .withImage(gateway.image())
        .withEnv(environment(gateway))
        .withPorts(containerPorts(gateway))
        .withReadinessProbe(httpProbe(AdminApiPaths.HEALTH_READY, 5, 3))
        .withLivenessProbe(httpProbe(AdminApiPaths.HEALTH_LIVE, 10, 6))
        .withResources(gateway.resources())
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .withVolumeMounts(GatewayVolumes.mounts(resource))
        .build();
  }

  private static List<EnvVar> environment(GatewaySettings gateway) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GATEWAY_BACKEND_KAFKA_SELECTOR",
        "file : { path: " + GatewayPaths.CONFIG_DIR + "/" + GatewayPaths.CLUSTER_CONFIG_KEY + "}");
    env.put("GATEWAY_ACTIVE_CLUSTER_FILE", GatewayPaths.CONFIG_DIR + "/" + GatewayPaths.ACTIVE_CLUSTER_KEY);
    env.put("GATEWAY_BIND_HOST", "0.0.0.0");
    env.put("GATEWAY_PORT_START", Integer.toString(gateway.portStart()));
    env.put("GATEWAY_PORT_COUNT", Integer.toString(gateway.portCount()));
    env.put("GATEWAY_ADVERTISED_HOST", gateway.advertisedHost());
    env.put("GATEWAY_HTTP_PORT", Integer.toString(gateway.adminPort()));
    // References only: the gateway reads the mounted admin Secret; no secret sits in the pod spec.
    env.put("GATEWAY_ADMIN_API_USERS", "[{username: \""
        + GatewayPaths.directoryReference(GatewayPaths.ADMIN_DIR, SecretReferences.ADMIN_USERNAME_KEY)
        + "\", password: \""
        + GatewayPaths.directoryReference(GatewayPaths.ADMIN_DIR, SecretReferences.ADMIN_PASSWORD_KEY)
        + "\", admin: true}]");
    List<EnvVar> vars = new ArrayList<>();
    env.forEach((name, value) -> vars.add(new EnvVarBuilder().withName(name).withValue(value).build()));
    return vars;
  }

  private static List<ContainerPort> containerPorts(GatewaySettings gateway) {
    List<ContainerPort> ports = new ArrayList<>();
    for (GatewayPort port : GatewayPort.all(gateway)) {
      ports.add(new ContainerPortBuilder()
          .withName(port.name())
          .withContainerPort(port.number())
          .withProtocol("TCP")
          .build());
    }
    return ports;
  }

  private static Probe httpProbe(String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withNewPort(GatewayPort.ADMIN)
        .endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withFailureThreshold(failureThreshold)
        .build();
  }
}
