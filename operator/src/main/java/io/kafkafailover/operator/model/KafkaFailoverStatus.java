package io.kafkafailover.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Written by the operator only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KafkaFailoverStatus {

  @JsonPropertyDescription("The metadata.generation this status describes.")
  public Long observedGeneration;

  @PrinterColumn(name = "APPLIED")
  @JsonPropertyDescription("The cluster that every ready gateway pod has confirmed serving.")
  public String activeCluster;

  @JsonPropertyDescription("Ready and Switched, with reason, message and observedGeneration.")
  public List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("One entry per gateway pod, keyed by name.")
  public List<PodSwitchStatus> pods = new ArrayList<>();

  @JsonPropertyDescription("The latest switch that spec.active asked for.")
  public SwitchRecord lastSwitch;
}
