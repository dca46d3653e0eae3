package io.kafkafailover.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconcileSettingsTest {

  private final ReconcileSettings settings =
      new ReconcileSettings("image", Duration.ofSeconds(30), Duration.ofSeconds(2));

  @Test
  void lagRetriesBackOffUpToTheDriftInterval() {
    assertThat(settings.retryDelay(Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.retryDelay(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.retryDelay(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(4));
    assertThat(settings.retryDelay(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(16));
    assertThat(settings.retryDelay(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(30));
  }
}
