package io.kafkafailover.operator.switching;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkafailover.operator.testing.LoopbackPorts;
import io.kafkafailover.operator.testing.StandInGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fan-out against three admin APIs on 127.0.0.2..4, all on the same port like three pods. */
class FleetSwitcherTest {

  private static final AdminCredentials CREDENTIALS = new AdminCredentials("admin", "s3cret");
  private static final SwitchPolicy POLICY =
      new SwitchPolicy(Duration.ofSeconds(3), 3, Duration.ofMillis(50), Duration.ofMillis(200));

  private final List<StandInGateway> gateways = new ArrayList<>();
  private final List<PodEndpoint> pods = new ArrayList<>();
  private FleetSwitcher switcher;

  @BeforeEach
  void startGateways() {
    int port = LoopbackPorts.freeOnAll(LoopbackPorts.POD_IPS);
    int index = 0;
    for (String ip : LoopbackPorts.POD_IPS) {
      gateways.add(new StandInGateway(ip, port, "admin", "s3cret", "main"));
      pods.add(new PodEndpoint("gateway-" + index, "uid-" + index++, ip, port));
    }
    switcher = new FleetSwitcher(POLICY);
  }

  @AfterEach
  void stopGateways() {
    switcher.close();
    gateways.forEach(StandInGateway::close);
  }

  @Test
  void switchesEveryPodAndReportsEachOne() throws Exception {
    List<PodOutcome> outcomes = switcher.converge(pods, "failover", CREDENTIALS);

    assertThat(outcomes).extracting(outcome -> outcome.pod().name())
        .containsExactly("gateway-0", "gateway-1", "gateway-2");
    assertThat(outcomes).allSatisfy(outcome -> {
      assertThat(outcome.confirms("failover")).isTrue();
      assertThat(outcome.switched()).isTrue();
      assertThat(outcome.attempts()).isEqualTo(1);
    });
    assertThat(gateways).allSatisfy(gateway -> {
      assertThat(gateway.activeCluster()).isEqualTo("failover");
      assertThat(gateway.switchCalls()).isEqualTo(1);
    });
  }

  @Test
  void leavesPodsAlreadyOnTheTargetAlone() throws Exception {
    gateways.get(1).switchByHand("failover");

    List<PodOutcome> outcomes = switcher.converge(pods, "failover", CREDENTIALS);

    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.confirms("failover")).isTrue());
    assertThat(outcomes).extracting(PodOutcome::switched).containsExactly(true, false, true);
    assertThat(gateways.get(1).switchCalls()).isZero();
  }

  @Test
  void anUnreachablePodDoesNotStopTheOthers() throws Exception {
    gateways.get(2).stop();

    List<PodOutcome> outcomes = switcher.converge(pods, "failover", CREDENTIALS);

    assertThat(outcomes.get(0).confirms("failover")).isTrue();
    assertThat(outcomes.get(1).confirms("failover")).isTrue();
    PodOutcome down = outcomes.get(2);
    assertThat(down.confirms("failover")).isFalse();
    assertThat(down.activeCluster()).isNull();
    assertThat(down.attempts()).isEqualTo(POLICY.maxAttempts());
    assertThat(down.error()).contains("127.0.0.4").contains("no answer");
  }

  @Test
  void aPodThatAnswersTooLateTimesOutWhileTheOthersSwitch() throws Exception {
    gateways.get(0).delayAnswers(Duration.ofSeconds(10));

    List<PodOutcome> outcomes = switcher.converge(pods, "failover", CREDENTIALS);

    assertThat(outcomes.get(0).confirms("failover")).isFalse();
    assertThat(outcomes.get(0).error()).contains("no answer");
    assertThat(outcomes.get(0).attempts()).isEqualTo(POLICY.maxAttempts());
    assertThat(outcomes.get(1).confirms("failover")).isTrue();
    assertThat(outcomes.get(2).confirms("failover")).isTrue();
  }

  @Test
  void podsAreCalledInParallel() throws Exception {
    // No stand-in answers its first call before all three were called: only parallel calls get through.
    java.util.concurrent.CountDownLatch allCalled = new java.util.concurrent.CountDownLatch(gateways.size());
    gateways.forEach(gateway -> gateway.answerOnlyTogether(allCalled));

    List<PodOutcome> outcomes = switcher.converge(pods, "failover", CREDENTIALS);

    assertThat(allCalled.getCount()).as("stand-ins still waiting for the others to be called").isZero();
    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.confirms("failover")).isTrue());
  }

  @Test
  void retriesTransientServerErrorsWithBackoff() throws Exception {
    gateways.get(1).failNextRequests(2, 503);

    List<PodOutcome> outcomes = switcher.converge(pods, "failover", CREDENTIALS);

    assertThat(outcomes.get(1).confirms("failover")).isTrue();
    assertThat(outcomes.get(1).attempts()).isEqualTo(3);
    assertThat(gateways.get(1).activeCluster()).isEqualTo("failover");
  }

  @Test
  void reportsTheLastErrorWhenRetriesRunOut() throws Exception {
    gateways.get(1).failNextRequests(10, 503);

    List<PodOutcome> outcomes = switcher.converge(pods, "failover", CREDENTIALS);

    assertThat(outcomes.get(1).confirms("failover")).isFalse();
    assertThat(outcomes.get(1).attempts()).isEqualTo(3);
    assertThat(outcomes.get(1).error()).contains("503");
    assertThat(gateways.get(1).activeCluster()).isEqualTo("main");
  }

  @Test
  void doesNotRetryBadCredentials() throws Exception {
    List<PodOutcome> outcomes =
        switcher.converge(pods, "failover", new AdminCredentials("admin", "wrong"));

    assertThat(outcomes).allSatisfy(outcome -> {
      assertThat(outcome.confirms("failover")).isFalse();
      assertThat(outcome.attempts()).isEqualTo(1);
      assertThat(outcome.error()).contains("401").doesNotContain("wrong");
    });
    assertThat(gateways).allSatisfy(gateway -> assertThat(gateway.activeCluster()).isEqualTo("main"));
  }

  @Test
  void backoffDoublesUpToItsCeiling() {
    assertThat(POLICY.backoffAfter(1)).isEqualTo(Duration.ofMillis(50));
    assertThat(POLICY.backoffAfter(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(POLICY.backoffAfter(3)).isEqualTo(Duration.ofMillis(200));
    assertThat(POLICY.backoffAfter(10)).isEqualTo(Duration.ofMillis(200));
  }
}
