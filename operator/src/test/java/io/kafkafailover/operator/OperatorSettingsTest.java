package io.kafkafailover.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {

  @Test
  void defaultsWatchEverythingWithoutLeaderElection() {
    OperatorSettings settings = OperatorSettings.fromEnvironment(Map.of());

    assertThat(settings.namespaces()).isEmpty();
    assertThat(settings.leaderElection()).isEmpty();
    assertThat(settings.healthPort()).isEqualTo(8080);
    assertThat(settings.reconcile().driftCheckInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.reconcile().defaultImage()).startsWith("kafka-failover/gateway:");
  }

  @Test
  void readsTheEnvironment() {
    OperatorSettings settings = OperatorSettings.fromEnvironment(Map.of(
        "WATCH_NAMESPACES", "kafka, payments ,",
        "GATEWAY_IMAGE", "registry.example/gateway:1.2.3",
        "DRIFT_CHECK_INTERVAL", "500ms",
        "LAG_RETRY_INTERVAL", "PT1S",
        "SWITCH_REQUEST_TIMEOUT", "2s",
        "SWITCH_MAX_ATTEMPTS", "5",
        "LEADER_ELECTION_NAMESPACE", "kafka-failover-system",
        "POD_NAME", "operator-0"));

    assertThat(settings.namespaces()).containsExactlyInAnyOrder("kafka", "payments");
    assertThat(settings.reconcile().defaultImage()).isEqualTo("registry.example/gateway:1.2.3");
    assertThat(settings.reconcile().driftCheckInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.reconcile().lagRetryInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.switchPolicy().requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.switchPolicy().maxAttempts()).isEqualTo(5);
    OperatorSettings.LeaderElection election = settings.leaderElection().orElseThrow();
    assertThat(election.namespace()).isEqualTo("kafka-failover-system");
    assertThat(election.identity()).isEqualTo("operator-0");
    assertThat(election.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void rejectsAnUnreadableDuration() {
    assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("DRIFT_CHECK_INTERVAL", "soon")))
        .hasMessageContaining("DRIFT_CHECK_INTERVAL='soon'");
  }
}
