package io.kafkafailover.operator.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The two clusters a KafkaFailover knows; the names are those of the gateway's cluster config. */
public enum ClusterName {
  MAIN("main"),
  FAILOVER("failover");

  private final String configName;

  ClusterName(String configName) {
    this.configName = configName;
  }

  /** The name used in the gateway's cluster config, its admin API and the CR's YAML. */
  @JsonValue
  public String configName() {
    return configName;
  }

  /**
   * Null for an unknown name rather than an exception: a resource that slipped past the schema must
   * still be readable, so that the operator can report it instead of failing to deserialize it.
   */
  @JsonCreator
  public static ClusterName fromConfigName(String name) {
    for (ClusterName candidate : values()) {
      if (candidate.configName.equals(name)) {
        return candidate;
      }
    }
    return null;
  }
}
