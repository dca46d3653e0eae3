package io.kafkafailover.operator.testing;

/**
 * A gateway instance seen from outside: an admin API on (ip, adminPort) that serves one cluster
 * and can be stopped, restarted and switched by hand (as an operator with curl would).
 *
 * <p>The switching and reconciler tests only use this view, so that the same tests can run against
 * {@link StandInGateway} (the admin endpoints only) and against real gateway instances.
 */
public interface AdminApiGateway extends AutoCloseable {

  String ip();

  int adminPort();

  /** The cluster it routes to now, as its own admin API reports it. */
  String activeCluster();

  /** Switches it without the operator: {@code curl -X POST .../switch?to=cluster}. */
  void switchByHand(String cluster);

  /** Makes it unreachable (connection refused). */
  void stop();

  /** Brings it back after {@link #stop()}, on the same address, serving {@code activeCluster}. */
  void start(String activeCluster);

  @Override
  void close();
}
