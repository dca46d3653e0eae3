package io.kafkafailover.operator.render;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.kafkafailover.operator.model.KafkaFailover;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The admin API credentials generated when {@code spec.gateway.adminCredentialsSecret} is absent.
 * Created once and never updated: running gateways keep the password they started with.
 */
public final class AdminSecretRenderer {

  public static final String GENERATED_USERNAME = "admin";
  private static final SecureRandom RANDOM = new SecureRandom();

  private AdminSecretRenderer() {}

  public static Secret render(KafkaFailover resource, Supplier<String> passwordGenerator) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(SecretReferences.ADMIN_USERNAME_KEY, base64(GENERATED_USERNAME));
    data.put(SecretReferences.ADMIN_PASSWORD_KEY, base64(passwordGenerator.get()));
    return new SecretBuilder()
        .withNewMetadata()
        .withName(GatewayNames.generatedAdminSecret(resource))
        .withNamespace(resource.getMetadata().getNamespace())
        .withLabels(GatewayNames.labels(resource))
        .endMetadata()
        .withType("Opaque")
        .withData(data)
        .build();
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  /** 32 random bytes, URL-safe Base64: no character that YAML or a JAAS option would mind. */
  public static String randomPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
