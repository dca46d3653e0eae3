package io.kafkafailover.operator.switching;

import java.net.URI;

/** Where to reach one gateway pod's admin API. */
public record PodEndpoint(String name, String uid, String ip, int adminPort) {

  public URI adminUri() {
    String host = ip.contains(":") ? "[" + ip + "]" : ip;
    return URI.create("http://" + host + ":" + adminPort);
  }
}
