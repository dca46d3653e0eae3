package io.kafkafailover.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TlsSpec {

  @Required
  @Size(min = 1, max = 16)
  @JsonPropertyDescription("PEM certificates (CA or server) that the gateway trusts for this cluster.")
  public List<TrustedCertificate> trustedCertificates;
}
