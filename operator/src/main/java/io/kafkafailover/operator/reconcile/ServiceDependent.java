package io.kafkafailover.operator.reconcile;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.render.GatewayNames;
import io.kafkafailover.operator.render.ServiceRenderer;

@KubernetesDependent(informer = @Informer(labelSelector = GatewayNames.MANAGED_SELECTOR))
public class ServiceDependent extends CRUDKubernetesDependentResource<Service, KafkaFailover> {

  public ServiceDependent() {
    super(Service.class);
  }

  @Override
  protected Service desired(KafkaFailover primary, Context<KafkaFailover> context) {
    return ServiceRenderer.render(RenderInputsHolder.get(context));
  }
}
