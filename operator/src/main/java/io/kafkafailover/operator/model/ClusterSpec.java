package io.kafkafailover.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "(has(self.securityProtocol) && self.securityProtocol.startsWith('SASL_')) == has(self.sasl)",
    message = "sasl is required when securityProtocol is SASL_PLAINTEXT or SASL_SSL, and not allowed otherwise")
@ValidationRule(
    value = "!has(self.tls) || (has(self.securityProtocol) && self.securityProtocol.endsWith('SSL'))",
    message = "tls requires securityProtocol SSL or SASL_SSL")
@ValidationRule(
    value = "!has(self.properties) || !self.properties.exists(k, k in " + ClusterSpec.RESERVED_KEYS_CEL + ")",
    message = "properties must not set bootstrap.servers, security.protocol, sasl.mechanism, sasl.jaas.config"
        + " or gateway.roles: use the dedicated fields")
public class ClusterSpec {

  static final String RESERVED_KEYS_CEL =
      "['bootstrap.servers', 'security.protocol', 'sasl.mechanism', 'sasl.jaas.config', 'gateway.roles']";

  @Required
  @Pattern("^[^,\\s]+:[0-9]+(,[^,\\s]+:[0-9]+)*$")
  @JsonPropertyDescription("Kafka bootstrap.servers: comma-separated host:port pairs.")
  public String bootstrapServers;

  @Default("PLAINTEXT")
  @JsonPropertyDescription("Kafka security.protocol towards this cluster.")
  public SecurityProtocol securityProtocol;

  @JsonPropertyDescription("SASL credentials; required iff securityProtocol is SASL_*.")
  public SaslSpec sasl;

  @JsonPropertyDescription("Certificates to trust when connecting with TLS.")
  public TlsSpec tls;

  @JsonPropertyDescription("Any other Kafka client property (ssl.*, sasl.*, ...), passed through.")
  public Map<String, String> properties;

  public SecurityProtocol securityProtocolOrDefault() {
    return securityProtocol == null ? SecurityProtocol.PLAINTEXT : securityProtocol;
  }
}
