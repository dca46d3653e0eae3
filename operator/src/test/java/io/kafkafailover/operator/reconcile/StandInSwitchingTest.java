package io.kafkafailover.operator.reconcile;

import io.kafkafailover.operator.testing.AdminApiGateway;
import io.kafkafailover.operator.testing.StandInGateway;

/**
 * The switching scenarios against stand-ins that implement only the gateway's two admin endpoints.
 * The same scenarios with real gateway instances in front of real Kafka prove the whole path.
 */
class StandInSwitchingTest extends SwitchingScenarios {

  @Override
  protected AdminApiGateway startGateway(String ip, int port, String username, String password, String active) {
    return new StandInGateway(ip, port, username, password, active);
  }
}
