package io.kafkafailover.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class SaslSpec {

  @Required
  @JsonPropertyDescription("PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.")
  public SaslMechanism mechanism;

  // Quotes and backslashes would break out of the JAAS option this value is written into.
  @Required
  @Pattern("^[^\"\\\\\\s]+$")
  @JsonPropertyDescription("The SASL username (for Confluent Cloud: the API key).")
  public String username;

  @Required
  @JsonPropertyDescription("The Secret key that holds the SASL password.")
  public SecretKeyRef passwordSecret;
}
