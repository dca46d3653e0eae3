package io.kafkafailover.operator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.render.GatewaySettings;
import io.kafkafailover.operator.render.SecretReferences;
import io.kafkafailover.operator.render.SecretUse;
import io.kafkafailover.operator.switching.AdminCredentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the Secrets that a KafkaFailover's gateways need. They are read on each reconcile rather
 * than watched, so that the operator neither caches every Secret of the cluster nor needs the right
 * to list them.
 */
public final class SecretLookup {

  /**
   * @param problems a missing Secret or key, one message each; empty when all are there
   * @param credentialsVersion changes whenever one of the Secrets changes
   * @param adminCredentials null when there are problems
   */
  public record Result(List<String> problems, String credentialsVersion, AdminCredentials adminCredentials) {}

  private final KubernetesClient client;

  public SecretLookup(KubernetesClient client) {
    this.client = client;
  }

  public Result resolve(KafkaFailover resource, GatewaySettings gateway) {
    String namespace = resource.getMetadata().getNamespace();
    Map<String, Optional<Secret>> secrets = new TreeMap<>();
    Set<String> problems = new LinkedHashSet<>();
    for (SecretUse use : SecretReferences.of(resource, gateway)) {
      Optional<Secret> secret = secrets.computeIfAbsent(use.secretName(),
          name -> Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get()));
      String purpose = use.cluster() == null ? "the admin API credentials" : "cluster " + use.cluster();
      if (secret.isEmpty()) {
        problems.add("Secret '" + use.secretName() + "' not found in namespace " + namespace
            + " (needed for " + purpose + ")");
      } else if (value(secret.get(), use.key()).isEmpty()) {
        problems.add("Secret '" + use.secretName() + "' has no key '" + use.key() + "' (needed for " + purpose + ")");
      }
    }
    if (!problems.isEmpty()) {
      return new Result(List.copyOf(problems), null, null);
    }
    String version = secrets.values().stream()
        .map(Optional::orElseThrow)
        .map(secret -> secret.getMetadata().getName() + "@" + secret.getMetadata().getUid() + "/"
            + secret.getMetadata().getResourceVersion())
        .collect(Collectors.joining(","));
    Secret admin = secrets.get(gateway.adminSecretName()).orElseThrow();
    AdminCredentials credentials = new AdminCredentials(
        value(admin, SecretReferences.ADMIN_USERNAME_KEY).orElseThrow(),
        value(admin, SecretReferences.ADMIN_PASSWORD_KEY).orElseThrow());
    return new Result(new ArrayList<>(), version, credentials);
  }

  /** A key's value from data (Base64, as the API server stores it) or from stringData. */
  static Optional<String> value(Secret secret, String key) {
    if (secret.getData() != null && secret.getData().get(key) != null) {
      return Optional.of(new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8));
    }
    return Optional.ofNullable(secret.getStringData() == null ? null : secret.getStringData().get(key));
  }
}
