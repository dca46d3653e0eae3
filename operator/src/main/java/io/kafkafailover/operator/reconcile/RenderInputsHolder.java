package io.kafkafailover.operator.reconcile;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.render.RenderInputs;

/** Hands the reconciler's findings to the dependents, which render from them. */
final class RenderInputsHolder {

  private RenderInputsHolder() {}

  static void put(Context<KafkaFailover> context, RenderInputs inputs) {
    context.managedWorkflowAndDependentResourceContext().put(RenderInputs.class, inputs);
  }

  static RenderInputs get(Context<KafkaFailover> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(RenderInputs.class, RenderInputs.class);
  }
}
