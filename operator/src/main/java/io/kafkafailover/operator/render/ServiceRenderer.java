package io.kafkafailover.operator.render;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.kafkafailover.operator.model.KafkaFailover;
import java.util.ArrayList;
import java.util.List;

/** One Service in front of all gateway pods: bootstrap port, broker ports and admin port. */
public final class ServiceRenderer {

  private ServiceRenderer() {}

  public static Service render(RenderInputs inputs) {
    KafkaFailover resource = inputs.resource();
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(GatewayNames.service(resource))
        .withNamespace(resource.getMetadata().getNamespace())
        .withLabels(GatewayNames.labels(resource))
        .endMetadata()
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(GatewayNames.selector(resource))
        .withPorts(ports(inputs.gateway()))
        .endSpec()
        .build();
  }

  static List<ServicePort> ports(GatewaySettings gateway) {
    List<ServicePort> ports = new ArrayList<>();
    for (GatewayPort port : GatewayPort.all(gateway)) {
      ports.add(new ServicePortBuilder()
          .withName(port.name())
          .withProtocol("TCP")
          .withPort(port.number())
          .withNewTargetPort(port.name())
          .build());
    }
    return ports;
  }
}
