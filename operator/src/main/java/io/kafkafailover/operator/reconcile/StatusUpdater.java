package io.kafkafailover.operator.reconcile;

import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.model.KafkaFailoverStatus;
import io.kafkafailover.operator.model.PodSwitchStatus;
import io.kafkafailover.operator.model.SwitchRecord;
import io.kafkafailover.operator.switching.PodOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the next status (and the Events worth publishing) from the previous status and what the
 * pods said. A pure function of its arguments, so that every rule here is tested without Kubernetes.
 */
public final class StatusUpdater {

  /** @param podsLag some ready pod does not serve spec.active yet: try again soon */
  public record Update(KafkaFailoverStatus status, List<EventNote> events, boolean podsLag) {}

  private StatusUpdater() {}

  /** The spec cannot be acted on: say why, and leave the gateways (and what is known of them) alone. */
  public static Update notActionable(KafkaFailover resource, String reason, String message, Instant now) {
    KafkaFailoverStatus status = copy(resource.getStatus());
    Long generation = resource.getMetadata().getGeneration();
    status.observedGeneration = generation;
    boolean changed = Conditions.set(status.conditions, Conditions.READY, Conditions.FALSE, reason, message,
        generation, now);
    List<EventNote> events = changed ? List.of(EventNote.warning(reason, message)) : List.of();
    return new Update(status, events, false);
  }

  /**
   * After every ready pod was asked (and switched if needed).
   *
   * @param outcomes one per ready pod
   */
  public static Update afterRound(KafkaFailover resource, List<ObservedPod> pods, List<PodOutcome> outcomes,
      int desiredReplicas, Instant now) {
    KafkaFailoverStatus previous = resource.getStatus() == null ? new KafkaFailoverStatus() : resource.getStatus();
    KafkaFailoverStatus status = copy(previous);
    Long generation = resource.getMetadata().getGeneration();
    String target = resource.getSpec().active.configName();
    List<EventNote> events = new ArrayList<>();
    status.observedGeneration = generation;
    status.pods = podStatuses(previous.pods, pods, outcomes, now);

    List<PodOutcome> lagging = outcomes.stream().filter(outcome -> !outcome.confirms(target)).toList();
    boolean allConfirmed = !outcomes.isEmpty() && lagging.isEmpty();

    boolean switchInProgress = startSwitchIfAsked(status, target, now, events);
    if (allConfirmed) {
      status.activeCluster = target;
      if (switchInProgress) {
        status.lastSwitch.completedAt = Timestamps.format(now);
        events.add(EventNote.normal("SwitchCompleted",
            "All " + outcomes.size() + " ready gateway pods serve " + target));
      }
    }
    if (!switchInProgress) {
      outcomes.stream().filter(PodOutcome::switched).filter(outcome -> outcome.confirms(target)).forEach(outcome ->
          events.add(EventNote.normal("DriftCorrected",
              "Pod " + outcome.pod().name() + " served another cluster; switched it back to " + target)));
    }

    String served = (outcomes.size() - lagging.size()) + "/" + outcomes.size() + " ready gateway pods serve " + target;
    if (outcomes.isEmpty()) {
      Conditions.set(status.conditions, Conditions.SWITCHED, Conditions.UNKNOWN, "NoReadyPods",
          "No ready gateway pod to ask yet", generation, now);
    } else if (allConfirmed) {
      Conditions.set(status.conditions, Conditions.SWITCHED, Conditions.TRUE, "AllPodsConfirmed", served,
          generation, now);
    } else {
      String message = served + "; lagging: " + describe(lagging);
      if (Conditions.set(status.conditions, Conditions.SWITCHED, Conditions.FALSE, "PartialFailure", message,
          generation, now)) {
        events.add(EventNote.warning("SwitchFailed", message));
      }
    }

    long readyPods = pods.stream().filter(ObservedPod::ready).count();
    String readiness = readyPods + "/" + desiredReplicas + " gateway pods ready";
    if (!lagging.isEmpty()) {
      Conditions.set(status.conditions, Conditions.READY, Conditions.FALSE, "PartialFailure",
          readiness + "; not every ready pod serves " + target, generation, now);
    } else if (readyPods < desiredReplicas) {
      Conditions.set(status.conditions, Conditions.READY, Conditions.FALSE, "PodsNotReady", readiness,
          generation, now);
    } else {
      Conditions.set(status.conditions, Conditions.READY, Conditions.TRUE, "Ready",
          readiness + ", serving " + target, generation, now);
    }
    return new Update(status, events, !lagging.isEmpty());
  }

  /**
   * Opens a new switch record when spec.active names another cluster than the last one asked for
   * (or, before any switch, than the one applied). The first roll-out is not a switch.
   *
   * @return whether a switch is under way, this one or an earlier unfinished one
   */
  private static boolean startSwitchIfAsked(KafkaFailoverStatus status, String target, Instant now,
      List<EventNote> events) {
    String lastAsked = status.lastSwitch != null ? status.lastSwitch.to : status.activeCluster;
    if (lastAsked != null && !lastAsked.equals(target)) {
      SwitchRecord record = new SwitchRecord();
      record.from = status.activeCluster;
      record.to = target;
      record.startedAt = Timestamps.format(now);
      status.lastSwitch = record;
      events.add(EventNote.normal("SwitchStarted",
          "Switching gateway pods from " + record.from + " to " + target));
    }
    return status.lastSwitch != null && status.lastSwitch.completedAt == null;
  }

  private static List<PodSwitchStatus> podStatuses(List<PodSwitchStatus> previous, List<ObservedPod> pods,
      List<PodOutcome> outcomes, Instant now) {
    Map<String, PodSwitchStatus> previousByName = previous == null ? Map.of()
        : previous.stream().collect(Collectors.toMap(pod -> pod.name, Function.identity(), (a, b) -> a));
    Map<String, PodOutcome> outcomeByName = outcomes.stream()
        .collect(Collectors.toMap(outcome -> outcome.pod().name(), Function.identity(), (a, b) -> a));
    List<PodSwitchStatus> result = new ArrayList<>();
    for (ObservedPod pod : pods) {
      // A replaced pod (same name, new uid) starts from nothing: what was known is about another pod.
      PodSwitchStatus before = previousByName.get(pod.name());
      if (before != null && !Objects.equals(before.uid, pod.uid())) {
        before = null;
      }
      PodOutcome outcome = outcomeByName.get(pod.name());
      PodSwitchStatus next = new PodSwitchStatus();
      next.name = pod.name();
      next.uid = pod.uid();
      next.ip = pod.ip();
      next.ready = pod.ready();
      String lastKnown = before == null ? null : before.activeCluster;
      next.activeCluster = outcome != null && outcome.activeCluster() != null ? outcome.activeCluster() : lastKnown;
      next.error = outcome == null ? null : outcome.error();
      next.lastTransitionTime = before != null && Objects.equals(lastKnown, next.activeCluster)
          ? before.lastTransitionTime
          : next.activeCluster == null ? null : Timestamps.format(now);
      result.add(next);
    }
    return result;
  }

  private static String describe(List<PodOutcome> lagging) {
    return lagging.stream()
        .map(outcome -> outcome.pod().name() + " (" + (outcome.error() != null ? outcome.error()
            : "serves " + outcome.activeCluster()) + ")")
        .collect(Collectors.joining(", "));
  }

  private static KafkaFailoverStatus copy(KafkaFailoverStatus previous) {
    KafkaFailoverStatus status = new KafkaFailoverStatus();
    if (previous != null) {
      status.observedGeneration = previous.observedGeneration;
      status.activeCluster = previous.activeCluster;
      status.conditions = new ArrayList<>(previous.conditions == null ? List.of() : previous.conditions);
      status.pods = new ArrayList<>(previous.pods == null ? List.of() : previous.pods);
      if (previous.lastSwitch != null) {
        status.lastSwitch = new SwitchRecord();
        status.lastSwitch.from = previous.lastSwitch.from;
        status.lastSwitch.to = previous.lastSwitch.to;
        status.lastSwitch.startedAt = previous.lastSwitch.startedAt;
        status.lastSwitch.completedAt = previous.lastSwitch.completedAt;
      }
    }
    return status;
  }
}
