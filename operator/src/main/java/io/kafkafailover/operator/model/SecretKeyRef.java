package io.kafkafailover.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** One key of a Secret in the KafkaFailover's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyRef {

  @Required
  @Pattern(Patterns.RESOURCE_NAME)
  @JsonPropertyDescription("Name of a Secret in the same namespace.")
  public String name;

  @Default("password")
  @Pattern(Patterns.SECRET_KEY)
  @JsonPropertyDescription("Key inside the Secret.")
  public String key;

  public SecretKeyRef() {}

  public SecretKeyRef(String name, String key) {
    this.name = name;
    this.key = key;
  }

  public String keyOrDefault() {
    return key == null ? "password" : key;
  }
}
