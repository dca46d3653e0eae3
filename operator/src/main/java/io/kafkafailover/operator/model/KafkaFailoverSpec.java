package io.kafkafailover.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.main.bootstrapServers != self.failover.bootstrapServers",
    message = "main and failover must be different clusters (their bootstrapServers are equal)")
public class KafkaFailoverSpec {

  // No default on purpose: a GitOps repository must say which cluster it wants.
  @Required
  @PrinterColumn(name = "ACTIVE")
  @JsonPropertyDescription("The cluster every gateway pod must serve: main or failover.")
  public ClusterName active;

  @Required
  @JsonPropertyDescription("The primary cluster.")
  public ClusterSpec main;

  @Required
  @JsonPropertyDescription("The secondary cluster, kept in sync by a replication tool.")
  public ClusterSpec failover;

  @JsonPropertyDescription("The gateway Deployment and Service.")
  public GatewaySpec gateway;

  public ClusterSpec cluster(ClusterName name) {
    return name == ClusterName.MAIN ? main : failover;
  }
}
