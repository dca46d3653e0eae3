package io.kafkafailover.operator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Kubernetes condition conventions: one condition per type; lastTransitionTime moves only with status. */
public final class Conditions {

  public static final String READY = "Ready";
  public static final String SWITCHED = "Switched";
  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  private Conditions() {}

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(condition -> type.equals(condition.getType())).findFirst();
  }

  /**
   * Sets the condition of that type in place.
   *
   * @return true when status, reason or message changed (worth an Event)
   */
  public static boolean set(List<Condition> conditions, String type, String status, String reason,
      String message, Long observedGeneration, Instant now) {
    Optional<Condition> previous = find(conditions, type);
    String lastTransitionTime = previous
        .filter(condition -> status.equals(condition.getStatus()))
        .map(Condition::getLastTransitionTime)
        .orElse(Timestamps.format(now));
    Condition next = new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(observedGeneration)
        .withLastTransitionTime(lastTransitionTime)
        .build();
    previous.ifPresent(conditions::remove);
    conditions.add(next);
    conditions.sort((a, b) -> a.getType().compareTo(b.getType()));
    return previous
        .map(condition -> !status.equals(condition.getStatus())
            || !reason.equals(condition.getReason())
            || !message.equals(condition.getMessage()))
        .orElse(true);
  }
}
