package io.kafkafailover.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A whole Secret in the KafkaFailover's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretRef {

  @Required
  @Pattern(Patterns.RESOURCE_NAME)
  @JsonPropertyDescription("Name of a Secret in the same namespace.")
  public String name;

  public SecretRef() {}

  public SecretRef(String name) {
    this.name = name;
  }
}
