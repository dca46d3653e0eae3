package io.kafkafailover.operator;

import io.kafkafailover.operator.reconcile.ReconcileSettings;
import io.kafkafailover.operator.switching.SwitchPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The operator's own configuration, from its environment.
 *
 * @param namespaces the namespaces to watch; empty means all
 * @param leaderElection empty: no leader election, this replica reconciles
 */
public record OperatorSettings(
    Set<String> namespaces,
    ReconcileSettings reconcile,
    SwitchPolicy switchPolicy,
    int healthPort,
    Optional<LeaderElection> leaderElection) {

  /**
   * One replica reconciles, the others wait for its Lease to expire.
   *
   * @param namespace where the Lease lives
   * @param identity this replica's name in the Lease
   */
  public record LeaderElection(String namespace, String identity, Duration leaseDuration, Duration renewDeadline,
      Duration retryPeriod) {

    public static final String LEASE_NAME = "kafka-failover-operator";

    /** Kubernetes' own controllers' timing: a new leader within about 15 seconds. */
    public static LeaderElection of(String namespace, String identity) {
      return new LeaderElection(namespace, identity, Duration.ofSeconds(15), Duration.ofSeconds(10),
          Duration.ofSeconds(2));
    }
  }
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  public static OperatorSettings fromEnvironment(Map<String, String> env) {
    SwitchPolicy defaults = SwitchPolicy.defaults();
    return new OperatorSettings(
        Arrays.stream(env.getOrDefault("WATCH_NAMESPACES", "").split(","))
            .map(String::trim)
            .filter(namespace -> !namespace.isEmpty())
            .collect(Collectors.toUnmodifiableSet()),
        new ReconcileSettings(
            env.getOrDefault("GATEWAY_IMAGE", defaultGatewayImage()),
            duration(env, "DRIFT_CHECK_INTERVAL", Duration.ofSeconds(30)),
            duration(env, "LAG_RETRY_INTERVAL", Duration.ofSeconds(2))),
        new SwitchPolicy(
            duration(env, "SWITCH_REQUEST_TIMEOUT", defaults.requestTimeout()),
            Integer.parseInt(env.getOrDefault("SWITCH_MAX_ATTEMPTS", Integer.toString(defaults.maxAttempts()))),
            defaults.initialBackoff(),
            defaults.maxBackoff()),
        Integer.parseInt(env.getOrDefault("HEALTH_PORT", "8080")),
        Optional.ofNullable(env.get("LEADER_ELECTION_NAMESPACE"))
            .filter(namespace -> !namespace.isBlank())
            .map(namespace -> LeaderElection.of(namespace,
                env.getOrDefault("POD_NAME", "kafka-failover-operator-" + ProcessHandle.current().pid()))));
  }

  /** The gateway image of the same release as this operator. */
  static String defaultGatewayImage() {
    String version = OperatorSettings.class.getPackage().getImplementationVersion();
    return "kafka-failover/gateway:" + (version == null ? "latest" : version);
  }

  /** "500ms", "30s", "5m", "1h", or an ISO-8601 duration such as "PT30S". */
  static Duration duration(Map<String, String> env, String name, Duration defaultValue) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    Matcher matcher = DURATION.matcher(value.trim());
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(value.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + "='" + value + "' is not a duration such as 30s or PT30S", e);
    }
  }
}
