package io.kafkafailover.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the operator last learned about one gateway pod. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PodSwitchStatus {

  public String name;

  @JsonPropertyDescription("Pod uid: a replaced pod with the same name is checked again.")
  public String uid;

  public String ip;

  public Boolean ready;

  @JsonPropertyDescription("The cluster the pod confirmed serving.")
  public String activeCluster;

  @JsonPropertyDescription("When activeCluster last changed.")
  public String lastTransitionTime;

  @JsonPropertyDescription("Why the pod could not be checked or switched, if it could not.")
  public String error;
}
