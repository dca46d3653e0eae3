package io.kafkafailover.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.model.KafkaFailoverStatus;
import io.kafkafailover.operator.switching.PodEndpoint;
import io.kafkafailover.operator.switching.PodOutcome;
import io.kafkafailover.operator.testing.Resources;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusUpdaterTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(5);
  private static final Instant T2 = T0.plusSeconds(10);
  private static final Instant T3 = T0.plusSeconds(15);

  private final List<ObservedPod> pods = List.of(
      new ObservedPod("gw-a", "uid-a", "10.0.0.1", true),
      new ObservedPod("gw-b", "uid-b", "10.0.0.2", true),
      new ObservedPod("gw-c", "uid-c", "10.0.0.3", true));
  private KafkaFailover resource;

  @BeforeEach
  void resourceOnMain() {
    resource = Resources.payments("kafka", ClusterName.MAIN);
    resource.getMetadata().setGeneration(1L);
  }

  @Test
  void theFirstRollOutIsNotASwitch() {
    StatusUpdater.Update update = round(T0, confirmed("main"), confirmed("main"), confirmed("main"));

    assertThat(update.status().activeCluster).isEqualTo("main");
    assertThat(update.status().lastSwitch).isNull();
    assertThat(update.events()).isEmpty();
    assertThat(update.podsLag()).isFalse();
    assertCondition(update.status(), Conditions.SWITCHED, "True", "AllPodsConfirmed",
        "3/3 ready gateway pods serve main");
    assertCondition(update.status(), Conditions.READY, "True", "Ready", "3/3 gateway pods ready, serving main");
    assertThat(update.status().pods).extracting(pod -> pod.lastTransitionTime).containsOnly("2026-03-01T10:00:00Z");
  }

  @Test
  void aSwitchIsAppliedOnlyOnceEveryReadyPodConfirms() {
    apply(round(T0, confirmed("main"), confirmed("main"), confirmed("main")));
    switchTo(ClusterName.FAILOVER);

    StatusUpdater.Update partial = round(T1, switched("failover"), failed("connection refused"), switched("failover"));

    assertThat(partial.status().activeCluster).isEqualTo("main");
    assertThat(partial.status().lastSwitch.from).isEqualTo("main");
    assertThat(partial.status().lastSwitch.to).isEqualTo("failover");
    assertThat(partial.status().lastSwitch.startedAt).isEqualTo("2026-03-01T10:00:05Z");
    assertThat(partial.status().lastSwitch.completedAt).isNull();
    assertThat(partial.podsLag()).isTrue();
    assertCondition(partial.status(), Conditions.SWITCHED, "False", "PartialFailure",
        "2/3 ready gateway pods serve failover; lagging: gw-b (connection refused)");
    assertThat(partial.status().observedGeneration).isEqualTo(2L);
    assertThat(partial.events()).extracting(EventNote::reason).containsExactly("SwitchStarted", "SwitchFailed");
    assertThat(partial.status().pods.get(1).activeCluster).as("last known").isEqualTo("main");
    assertThat(partial.status().pods.get(1).error).isEqualTo("connection refused");

    apply(partial);
    StatusUpdater.Update stillPartial =
        round(T2, confirmed("failover"), failed("connection refused"), confirmed("failover"));
    assertThat(stillPartial.events()).as("nothing new to say").isEmpty();
    assertThat(Conditions.find(stillPartial.status().conditions, Conditions.SWITCHED).orElseThrow()
        .getLastTransitionTime()).isEqualTo("2026-03-01T10:00:05Z");

    apply(stillPartial);
    StatusUpdater.Update done = round(T3, confirmed("failover"), switched("failover"), confirmed("failover"));
    assertThat(done.status().activeCluster).isEqualTo("failover");
    assertThat(done.status().lastSwitch.completedAt).isEqualTo("2026-03-01T10:00:15Z");
    assertThat(done.events()).extracting(EventNote::reason).containsExactly("SwitchCompleted");
    assertCondition(done.status(), Conditions.SWITCHED, "True", "AllPodsConfirmed",
        "3/3 ready gateway pods serve failover");
    assertThat(done.status().pods).allSatisfy(pod -> assertThat(pod.error).isNull());
    assertThat(done.status().pods.get(1).lastTransitionTime).isEqualTo("2026-03-01T10:00:15Z");
    assertThat(done.status().pods.get(0).lastTransitionTime).isEqualTo("2026-03-01T10:00:05Z");
  }

  @Test
  void aPodBroughtBackOutsideASwitchIsReportedAsDrift() {
    apply(round(T0, confirmed("main"), confirmed("main"), confirmed("main")));

    StatusUpdater.Update update = round(T1, confirmed("main"), switched("main"), confirmed("main"));

    assertThat(update.events()).singleElement().satisfies(event -> {
      assertThat(event.reason()).isEqualTo("DriftCorrected");
      assertThat(event.message()).contains("gw-b").contains("main");
    });
  }

  @Test
  void aReplacedPodStartsWithAClearRecord() {
    apply(round(T0, confirmed("main"), confirmed("main"), confirmed("main")));
    List<ObservedPod> replaced = List.of(pods.get(0), new ObservedPod("gw-b", "uid-b2", "10.0.0.9", true), pods.get(2));

    StatusUpdater.Update update = StatusUpdater.afterRound(resource, replaced,
        List.of(outcome(replaced.get(0), "main", false, null), outcome(replaced.get(1), null, false, "timed out"),
            outcome(replaced.get(2), "main", false, null)), 3, T1);

    assertThat(update.status().pods.get(1).uid).isEqualTo("uid-b2");
    assertThat(update.status().pods.get(1).activeCluster).as("nothing known about the new pod").isNull();
    assertThat(update.status().pods.get(1).lastTransitionTime).isNull();
  }

  @Test
  void withoutReadyPodsNothingIsConfirmed() {
    List<ObservedPod> starting = pods.stream().map(pod -> new ObservedPod(pod.name(), pod.uid(), null, false)).toList();

    StatusUpdater.Update update = StatusUpdater.afterRound(resource, starting, List.of(), 3, T0);

    assertThat(update.status().activeCluster).isNull();
    assertCondition(update.status(), Conditions.SWITCHED, "Unknown", "NoReadyPods", "No ready gateway pod to ask yet");
    assertCondition(update.status(), Conditions.READY, "False", "PodsNotReady", "0/3 gateway pods ready");
    assertThat(update.status().pods).extracting(pod -> pod.ready).containsOnly(false);
  }

  @Test
  void aSpecThatCannotBeActedOnKeepsWhatIsKnownAndSaysWhyOnce() {
    apply(round(T0, confirmed("main"), confirmed("main"), confirmed("main")));
    resource.getMetadata().setGeneration(2L);

    StatusUpdater.Update blocked = StatusUpdater.notActionable(resource, "SecretMissing", "Secret 'x' not found", T1);
    assertThat(blocked.events()).extracting(EventNote::type).containsExactly("Warning");
    apply(blocked);
    StatusUpdater.Update again = StatusUpdater.notActionable(resource, "SecretMissing", "Secret 'x' not found", T2);

    assertThat(again.events()).isEmpty();
    assertCondition(again.status(), Conditions.READY, "False", "SecretMissing", "Secret 'x' not found");
    assertThat(Conditions.find(again.status().conditions, Conditions.READY).orElseThrow().getLastTransitionTime())
        .isEqualTo("2026-03-01T10:00:05Z");
    assertCondition(again.status(), Conditions.SWITCHED, "True", "AllPodsConfirmed",
        "3/3 ready gateway pods serve main");
    assertThat(again.status().activeCluster).isEqualTo("main");
    assertThat(again.status().pods).hasSize(3);
    assertThat(again.status().observedGeneration).isEqualTo(2L);
  }

  private record Answer(String activeCluster, boolean switched, String error) {}

  private static Answer confirmed(String cluster) {
    return new Answer(cluster, false, null);
  }

  private static Answer switched(String cluster) {
    return new Answer(cluster, true, null);
  }

  private static Answer failed(String error) {
    return new Answer(null, false, error);
  }

  private StatusUpdater.Update round(Instant now, Answer... answers) {
    List<PodOutcome> outcomes = new java.util.ArrayList<>();
    for (int i = 0; i < answers.length; i++) {
      outcomes.add(outcome(pods.get(i), answers[i].activeCluster(), answers[i].switched(), answers[i].error()));
    }
    return StatusUpdater.afterRound(resource, pods, outcomes, 3, now);
  }

  private static PodOutcome outcome(ObservedPod pod, String active, boolean switched, String error) {
    return new PodOutcome(new PodEndpoint(pod.name(), pod.uid(), pod.ip(), 8888), active, switched, error, 1);
  }

  private void apply(StatusUpdater.Update update) {
    resource.setStatus(update.status());
  }

  private void switchTo(ClusterName cluster) {
    resource.getSpec().active = cluster;
    resource.getMetadata().setGeneration(resource.getMetadata().getGeneration() + 1);
  }

  private static void assertCondition(KafkaFailoverStatus status, String type, String value, String reason,
      String message) {
    Condition condition = Conditions.find(status.conditions, type).orElseThrow();
    assertThat(condition.getStatus()).isEqualTo(value);
    assertThat(condition.getReason()).isEqualTo(reason);
    assertThat(condition.getMessage()).isEqualTo(message);
  }
}
