package io.kafkafailover.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A switch between clusters, from the moment spec.active changed until every pod confirmed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SwitchRecord {
  public String from;
  public String to;
  public String startedAt;
  public String completedAt;
}
