package io.kafkafailover.operator.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kafkafailover.config.ClusterConfigWriter;
import io.kafkafailover.operator.model.KafkaFailover;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's configuration files. The active cluster lives here rather than in the pod template:
 * changing it updates the mounted file of every pod (the gateway watches it) and never restarts one.
 */
public final class ConfigMapRenderer {

  private ConfigMapRenderer() {}

  public static ConfigMap render(RenderInputs inputs) {
    KafkaFailover resource = inputs.resource();
    Map<String, String> data = new LinkedHashMap<>();
    data.put(GatewayPaths.CLUSTER_CONFIG_KEY, clusterConfigYaml(resource));
    data.put(GatewayPaths.ACTIVE_CLUSTER_KEY, resource.getSpec().active.configName() + "\n");
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(GatewayNames.configMap(resource))
        .withNamespace(resource.getMetadata().getNamespace())
        .withLabels(GatewayNames.labels(resource))
        .endMetadata()
        .withData(data)
        .build();
  }

  public static String clusterConfigYaml(KafkaFailover resource) {
    return ClusterConfigWriter.toYaml(ClusterConfigRenderer.render(resource.getSpec()));
  }
}
