package io.kafkafailover.operator.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/** Picks a port that is free on several loopback addresses at once ("pods" sharing an admin port). */
public final class LoopbackPorts {

  public static final List<String> POD_IPS = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4");

  private LoopbackPorts() {}

  public static int freeOnAll(List<String> ips) {
    for (int tries = 0; tries < 50; tries++) {
      int candidate;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(ips.get(0)))) {
        candidate = socket.getLocalPort();
      } catch (IOException e) {
        throw new IllegalStateException("cannot bind " + ips.get(0), e);
      }
      if (ips.stream().allMatch(ip -> isFree(ip, candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no port free on all of " + ips);
  }

  private static boolean isFree(String ip, int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(ip))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
