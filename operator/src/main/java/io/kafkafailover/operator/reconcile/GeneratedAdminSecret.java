package io.kafkafailover.operator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.render.AdminSecretRenderer;
import io.kafkafailover.operator.render.GatewayNames;
import java.net.HttpURLConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the admin API credentials when the resource names none. Only ever created, never updated:
 * a new password would lock the operator out of gateways that started with the old one. (Were it
 * deleted, the new one has a new uid, which changes the pods' checksum and so rolls them.)
 */
final class GeneratedAdminSecret {

  private static final Logger LOG = LoggerFactory.getLogger(GeneratedAdminSecret.class);

  private GeneratedAdminSecret() {}

  static void ensureExists(KubernetesClient client, KafkaFailover resource) {
    String namespace = resource.getMetadata().getNamespace();
    String name = GatewayNames.generatedAdminSecret(resource);
    if (client.secrets().inNamespace(namespace).withName(name).get() != null) {
      return;
    }
    Secret secret = AdminSecretRenderer.render(resource, AdminSecretRenderer::randomPassword);
    secret.addOwnerReference(resource);
    try {
      client.secrets().inNamespace(namespace).resource(secret).create();
      LOG.info("Generated admin API credentials in Secret {}/{}", namespace, name);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      // Created meanwhile by another reconcile: keep that one.
    }
  }
}
