package io.kafkafailover.operator.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.render.ConfigMapRenderer;
import io.kafkafailover.operator.render.GatewayNames;

@KubernetesDependent(informer = @Informer(labelSelector = GatewayNames.MANAGED_SELECTOR))
public class ConfigMapDependent extends CRUDKubernetesDependentResource<ConfigMap, KafkaFailover> {

  public ConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(KafkaFailover primary, Context<KafkaFailover> context) {
    return ConfigMapRenderer.render(RenderInputsHolder.get(context));
  }
}
