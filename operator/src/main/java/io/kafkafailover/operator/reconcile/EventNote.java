package io.kafkafailover.operator.reconcile;

/** A Kubernetes Event to publish about a KafkaFailover. */
public record EventNote(String type, String reason, String message) {

  public static EventNote normal(String reason, String message) {
    return new EventNote("Normal", reason, message);
  }

  public static EventNote warning(String reason, String message) {
    return new EventNote("Warning", reason, message);
  }
}
