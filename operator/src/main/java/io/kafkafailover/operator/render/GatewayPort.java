package io.kafkafailover.operator.render;

import java.util.ArrayList;
import java.util.List;

/** A port the gateway listens on, named the same in the pod and in the Service. */
public record GatewayPort(String name, int number) {

  public static final String BOOTSTRAP = "bootstrap";
  public static final String ADMIN = "admin";

  /** Bootstrap port, one port per broker after it, then the admin port. */
  public static List<GatewayPort> all(GatewaySettings gateway) {
    List<GatewayPort> ports = new ArrayList<>();
    ports.add(new GatewayPort(BOOTSTRAP, gateway.portStart()));
    for (int broker = 0; broker < gateway.portCount(); broker++) {
      ports.add(new GatewayPort("broker-" + broker, gateway.portStart() + 1 + broker));
    }
    ports.add(new GatewayPort(ADMIN, gateway.adminPort()));
    return ports;
  }
}
