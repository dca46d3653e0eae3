package io.kafkafailover.operator.render;

import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.kafkafailover.operator.model.GatewaySpec;
import io.kafkafailover.operator.model.KafkaFailover;
import java.util.Optional;

/**
 * {@code spec.gateway} with every default applied. The defaults match the CRD schema's, and apply
 * here too because a resource may reach the operator without the API server's defaulting.
 */
public record GatewaySettings(
    int replicas,
    String image,
    int portStart,
    int portCount,
    int adminPort,
    String advertisedHost,
    String adminSecretName,
    boolean adminSecretGenerated,
    ResourceRequirements resources) {

  public static GatewaySettings of(KafkaFailover resource, String defaultImage) {
    GatewaySpec gateway = Optional.ofNullable(resource.getSpec().gateway).orElseGet(GatewaySpec::new);
    String namespace = resource.getMetadata().getNamespace();
    boolean generated = gateway.adminCredentialsSecret == null;
    return new GatewaySettings(
        orDefault(gateway.replicas, GatewaySpec.DEFAULT_REPLICAS),
        gateway.image != null ? gateway.image : defaultImage,
        orDefault(gateway.portStart, GatewaySpec.DEFAULT_PORT_START),
        orDefault(gateway.portCount, GatewaySpec.DEFAULT_PORT_COUNT),
        orDefault(gateway.adminPort, GatewaySpec.DEFAULT_ADMIN_PORT),
        gateway.advertisedHost != null
            ? gateway.advertisedHost
            : GatewayNames.service(resource) + "." + namespace + ".svc",
        generated ? GatewayNames.generatedAdminSecret(resource) : gateway.adminCredentialsSecret.name,
        generated,
        gateway.resources);
  }

  private static int orDefault(Integer value, int defaultValue) {
    return value != null ? value : defaultValue;
  }
}
