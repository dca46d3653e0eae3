package io.kafkafailover.operator.render;

import io.kafkafailover.operator.model.KafkaFailover;

/**
 * Everything the rendered objects depend on: the resource, and the facts the reconciler looked up
 * for it.
 *
 * @param defaultImage the gateway image used when the resource names none
 * @param credentialsVersion changes whenever a Secret that the pods read changes, so that new pods
 *     pick up new credentials (gateways read their secrets at start)
 */
public record RenderInputs(KafkaFailover resource, String defaultImage, String credentialsVersion) {

  public GatewaySettings gateway() {
    return GatewaySettings.of(resource, defaultImage);
  }
}
