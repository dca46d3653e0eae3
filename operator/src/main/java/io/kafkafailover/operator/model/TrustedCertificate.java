package io.kafkafailover.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrustedCertificate {

  @Required
  @Pattern(Patterns.RESOURCE_NAME)
  @JsonPropertyDescription("Name of a Secret in the same namespace.")
  public String secretName;

  @Required
  @Pattern(Patterns.SECRET_KEY)
  @JsonPropertyDescription("Key of the PEM certificate inside the Secret, e.g. ca.crt.")
  public String certificate;

  public TrustedCertificate() {}

  public TrustedCertificate(String secretName, String certificate) {
    this.secretName = secretName;
    this.certificate = certificate;
  }
}
