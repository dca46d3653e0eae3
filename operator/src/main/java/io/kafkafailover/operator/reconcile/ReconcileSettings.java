package io.kafkafailover.operator.reconcile;

import java.time.Duration;

/**
 * @param defaultImage the gateway image for resources that name none
 * @param driftCheckInterval how often every ready pod is asked which cluster it serves
 * @param lagRetryInterval the first pause before pods that lag behind are tried again; it doubles
 *     while they keep lagging, up to {@code driftCheckInterval}
 */
public record ReconcileSettings(String defaultImage, Duration driftCheckInterval, Duration lagRetryInterval) {

  /** The pause before the next try when pods have lagged behind for {@code lagging}. */
  Duration retryDelay(Duration lagging) {
    Duration delay = lagRetryInterval;
    while (delay.multipliedBy(2).compareTo(lagging) <= 0 && delay.compareTo(driftCheckInterval) < 0) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(driftCheckInterval) > 0 ? driftCheckInterval : delay;
  }
}
