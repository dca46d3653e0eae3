package io.kafkafailover.operator.switching;

import java.time.Duration;

/**
 * How hard to try one pod before reporting it as lagging: each call is bounded by {@code
 * requestTimeout}; a failed attempt is retried up to {@code maxAttempts} in all, with a back-off
 * that doubles from {@code initialBackoff} up to {@code maxBackoff}.
 */
public record SwitchPolicy(Duration requestTimeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  public SwitchPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  public static SwitchPolicy defaults() {
    return new SwitchPolicy(Duration.ofSeconds(3), 3, Duration.ofMillis(250), Duration.ofSeconds(2));
  }

  /** The pause after the given failed attempt (1-based). */
  public Duration backoffAfter(int attempt) {
    Duration backoff = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }

  /**
   * The longest one pod can take: every attempt makes up to two calls (read, then switch), each
   * bounded by the request timeout (connect and answer), plus the pauses in between.
   */
  public Duration worstCase() {
    Duration total = requestTimeout.multipliedBy(4L * maxAttempts);
    for (int attempt = 1; attempt < maxAttempts; attempt++) {
      total = total.plus(backoffAfter(attempt));
    }
    return total;
  }
}
