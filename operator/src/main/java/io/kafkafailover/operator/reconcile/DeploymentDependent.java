package io.kafkafailover.operator.reconcile;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.render.DeploymentRenderer;
import io.kafkafailover.operator.render.GatewayNames;

@KubernetesDependent(informer = @Informer(labelSelector = GatewayNames.MANAGED_SELECTOR))
public class DeploymentDependent extends CRUDKubernetesDependentResource<Deployment, KafkaFailover> {

  public DeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  protected Deployment desired(KafkaFailover primary, Context<KafkaFailover> context) {
    return DeploymentRenderer.render(RenderInputsHolder.get(context));
  }
}
