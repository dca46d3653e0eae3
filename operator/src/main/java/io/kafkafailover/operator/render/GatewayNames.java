package io.kafkafailover.operator.render;

import io.kafkafailover.operator.model.KafkaFailover;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names and labels of everything rendered for one KafkaFailover. */
public final class GatewayNames {

  public static final String APP_NAME = "kafka-failover-gateway";
  public static final String MANAGED_BY = "kafka-failover-operator";
  public static final String NAME_LABEL = "app.kubernetes.io/name";
  public static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
  public static final String COMPONENT_LABEL = "app.kubernetes.io/component";
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

  /** Selects every object this operator renders, whatever the KafkaFailover. */
  public static final String MANAGED_SELECTOR = MANAGED_BY_LABEL + "=" + MANAGED_BY;

  /** Selects the gateway pods of every KafkaFailover. */
  public static final String GATEWAY_POD_SELECTOR = MANAGED_SELECTOR + "," + NAME_LABEL + "=" + APP_NAME;

  private GatewayNames() {}

  public static String deployment(KafkaFailover resource) {
    return resource.getMetadata().getName() + "-gateway";
  }

  public static String service(KafkaFailover resource) {
    return deployment(resource);
  }

  public static String configMap(KafkaFailover resource) {
    return resource.getMetadata().getName() + "-gateway-config";
  }

  public static String generatedAdminSecret(KafkaFailover resource) {
    return resource.getMetadata().getName() + "-gateway-admin";
  }

  /** The name of the KafkaFailover that a gateway pod (or any rendered object) belongs to. */
  public static String owner(Map<String, String> labels) {
    return labels == null ? null : labels.get(INSTANCE_LABEL);
  }

  /** The labels that the Deployment selects its pods by; they never change. */
  public static Map<String, String> selector(KafkaFailover resource) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME_LABEL, APP_NAME);
    labels.put(INSTANCE_LABEL, resource.getMetadata().getName());
    return labels;
  }

  public static Map<String, String> labels(KafkaFailover resource) {
    Map<String, String> labels = selector(resource);
    labels.put(COMPONENT_LABEL, "gateway");
    labels.put(MANAGED_BY_LABEL, MANAGED_BY);
    return labels;
  }
}
