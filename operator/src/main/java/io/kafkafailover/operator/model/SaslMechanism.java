package io.kafkafailover.operator.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kafka's {@code sasl.mechanism} values that the gateway supports towards a backend. */
public enum SaslMechanism {
  PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule"),
  SCRAM_SHA_256("SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule"),
  SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

  private final String kafkaName;
  private final String loginModule;

  SaslMechanism(String kafkaName, String loginModule) {
    this.kafkaName = kafkaName;
    this.loginModule = loginModule;
  }

  @JsonValue
  public String kafkaName() {
    return kafkaName;
  }

  /** Null for an unknown name, reported by the operator (see {@link ClusterName#fromConfigName}). */
  @JsonCreator
  public static SaslMechanism fromKafkaName(String name) {
    for (SaslMechanism candidate : values()) {
      if (candidate.kafkaName.equals(name)) {
        return candidate;
      }
    }
    return null;
  }

  public String loginModule() {
    return loginModule;
  }
}
