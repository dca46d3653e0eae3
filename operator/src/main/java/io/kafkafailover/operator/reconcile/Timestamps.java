package io.kafkafailover.operator.reconcile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Kubernetes writes times as RFC 3339 in UTC with whole seconds. */
final class Timestamps {

  private Timestamps() {}

  static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
