package io.kafkafailover.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "(has(self.portStart) ? self.portStart : " + GatewaySpec.DEFAULT_PORT_START + ")"
        + " + (has(self.portCount) ? self.portCount : " + GatewaySpec.DEFAULT_PORT_COUNT + ") <= 65535",
    message = "portStart + portCount must not exceed 65535")
@ValidationRule(
    value = "(has(self.adminPort) ? self.adminPort : " + GatewaySpec.DEFAULT_ADMIN_PORT + ")"
        + " < (has(self.portStart) ? self.portStart : " + GatewaySpec.DEFAULT_PORT_START + ")"
        + " || (has(self.adminPort) ? self.adminPort : " + GatewaySpec.DEFAULT_ADMIN_PORT + ")"
        + " > (has(self.portStart) ? self.portStart : " + GatewaySpec.DEFAULT_PORT_START + ")"
        + " + (has(self.portCount) ? self.portCount : " + GatewaySpec.DEFAULT_PORT_COUNT + ")",
    message = "adminPort must lie outside the Kafka port range portStart..portStart+portCount")
public class GatewaySpec {

  public static final int DEFAULT_REPLICAS = 3;
  public static final int DEFAULT_PORT_START = 6969;
  public static final int DEFAULT_PORT_COUNT = 16;
  public static final int DEFAULT_ADMIN_PORT = 8888;

  @Default("3")
  @Min(0)
  @JsonPropertyDescription("Number of gateway pods.")
  public Integer replicas;

  @JsonPropertyDescription("Gateway image; default: the image this operator version was built with.")
  public String image;

  @Default("6969")
  @Min(1024)
  @Max(65535)
  @JsonPropertyDescription("Bootstrap port; broker ports follow it.")
  public Integer portStart;

  @Default("16")
  @Min(1)
  @Max(1024)
  @JsonPropertyDescription("Number of broker ports after portStart.")
  public Integer portCount;

  @Default("8888")
  @Min(1024)
  @Max(65535)
  @JsonPropertyDescription("Port of the gateway's admin API, health and metrics.")
  public Integer adminPort;

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
  @JsonPropertyDescription("Host name the gateway advertises to clients; default: the Service's DNS name.")
  public String advertisedHost;

  @JsonPropertyDescription("Secret with keys username and password for the admin API; generated if absent.")
  public SecretRef adminCredentialsSecret;

  @JsonPropertyDescription("CPU and memory of each gateway container.")
  public ResourceRequirements resources;
}
