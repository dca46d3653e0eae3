package io.kafkafailover.operator.reconcile;

import io.kafkafailover.config.ClusterConfigException;
import io.kafkafailover.config.SecretKeys;
import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.model.ClusterSpec;
import io.kafkafailover.operator.model.GatewaySpec;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.model.KafkaFailoverSpec;
import io.kafkafailover.operator.model.SaslSpec;
import io.kafkafailover.operator.model.SecurityProtocol;
import io.kafkafailover.operator.model.TrustedCertificate;
import io.kafkafailover.operator.render.ClusterConfigRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.config.SslConfigs;

/**
 * The rules a spec must follow before the operator acts on it. The CRD schema enforces most of them
 * on a real API server; they are checked again here because a resource can arrive without that
 * validation (an old CRD, a server without CEL), and some rules the schema cannot express: no
 * secret value in {@code properties}, which would land in a ConfigMap, and the shared
 * cluster-config rules.
 */
public final class SpecValidator {

  static final Set<String> RESERVED_PROPERTIES = Set.of(
      "bootstrap.servers", "security.protocol", "sasl.mechanism", "sasl.jaas.config", "gateway.roles");
  static final Set<String> TLS_PROPERTIES = Set.of(
      SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG,
      SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);

  private SpecValidator() {}

  /** The Service is named {@code <name>-gateway}, and a Service name is a DNS label of 63 characters. */
  static final int MAX_NAME_LENGTH = 63 - "-gateway".length();

  /** @return one message per problem, empty when the resource can be acted on */
  public static List<String> validate(KafkaFailover resource) {
    List<String> problems = new ArrayList<>();
    String name = resource.getMetadata().getName();
    if (name.length() > MAX_NAME_LENGTH || !name.matches("[a-z]([-a-z0-9]*[a-z0-9])?")) {
      problems.add("metadata.name must be a DNS label of at most " + MAX_NAME_LENGTH
          + " characters starting with a letter: the gateway Service is named after it");
    }
    problems.addAll(validate(resource.getSpec()));
    return problems;
  }

  /** @return one message per problem, empty when the spec can be acted on */
  public static List<String> validate(KafkaFailoverSpec spec) {
    List<String> problems = new ArrayList<>();
    if (spec == null) {
      return List.of("spec is required");
    }
    if (spec.active == null) {
      problems.add("spec.active must be main or failover");
    }
    for (ClusterName name : ClusterName.values()) {
      ClusterSpec cluster = spec.cluster(name);
      if (cluster == null) {
        problems.add("spec." + name.configName() + " is required");
      } else {
        validateCluster("spec." + name.configName(), cluster, problems);
      }
    }
    if (spec.main != null && spec.failover != null
        && Objects.equals(spec.main.bootstrapServers, spec.failover.bootstrapServers)) {
      problems.add("spec.main and spec.failover must be different clusters (their bootstrapServers are equal)");
    }
    validateGateway(spec.gateway, problems);
    if (problems.isEmpty()) {
      try {
        ClusterConfigRenderer.render(spec);
      } catch (ClusterConfigException e) {
        problems.add(e.getMessage());
      }
    }
    return problems;
  }

  private static void validateCluster(String path, ClusterSpec cluster, List<String> problems) {
    if (cluster.bootstrapServers == null || cluster.bootstrapServers.isBlank()) {
      problems.add(path + ".bootstrapServers is required");
    }
    SecurityProtocol protocol = cluster.securityProtocolOrDefault();
    if (protocol.usesSasl() && cluster.sasl == null) {
      problems.add(path + ".sasl is required with securityProtocol " + protocol);
    } else if (!protocol.usesSasl() && cluster.sasl != null) {
      problems.add(path + ".sasl is not allowed with securityProtocol " + protocol);
    } else if (cluster.sasl != null) {
      validateSasl(path + ".sasl", cluster.sasl, problems);
    }
    if (cluster.tls != null) {
      if (!protocol.usesTls()) {
        problems.add(path + ".tls requires securityProtocol SSL or SASL_SSL, not " + protocol);
      }
      List<TrustedCertificate> certificates = cluster.tls.trustedCertificates;
      if (certificates == null || certificates.isEmpty()) {
        problems.add(path + ".tls.trustedCertificates must name at least one certificate");
      } else if (certificates.stream().anyMatch(c -> c == null || c.secretName == null || c.certificate == null)) {
        problems.add(path + ".tls.trustedCertificates entries need secretName and certificate");
      }
    }
    if (cluster.properties != null) {
      cluster.properties.forEach((key, value) -> validateProperty(path + ".properties", key, value,
          cluster.tls != null, problems));
    }
  }

  private static void validateSasl(String path, SaslSpec sasl, List<String> problems) {
    if (sasl.mechanism == null) {
      problems.add(path + ".mechanism must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512");
    }
    if (sasl.username == null || sasl.username.isEmpty()) {
      problems.add(path + ".username is required");
    } else if (!sasl.username.matches("[^\"\\\\\\s]+")) {
      problems.add(path + ".username must not contain quotes, backslashes or white space");
    }
    if (sasl.passwordSecret == null || sasl.passwordSecret.name == null) {
      problems.add(path + ".passwordSecret.name is required");
    }
  }

  private static void validateProperty(String path, String key, String value, boolean hasTls,
      List<String> problems) {
    if (RESERVED_PROPERTIES.contains(key)) {
      problems.add(path + " must not set " + key + ": use the dedicated field");
    } else if (hasTls && TLS_PROPERTIES.contains(key)) {
      problems.add(path + " must not set " + key + " together with tls");
    } else if (SecretKeys.isSecret(key) && !isFileReference(value)) {
      // Properties are written into a ConfigMap, which is no place for a secret.
      problems.add(path + "." + key + " holds a secret, which would be written into a ConfigMap;"
          + " use sasl.passwordSecret or tls, which read Secrets");
    }
  }

  private static boolean isFileReference(String value) {
    return value != null && value.matches(".*\\$\\{(directory|file|env):[^}]*}.*");
  }

  private static void validateGateway(GatewaySpec gateway, List<String> problems) {
    if (gateway == null) {
      return;
    }
    int portStart = gateway.portStart != null ? gateway.portStart : GatewaySpec.DEFAULT_PORT_START;
    int portCount = gateway.portCount != null ? gateway.portCount : GatewaySpec.DEFAULT_PORT_COUNT;
    int adminPort = gateway.adminPort != null ? gateway.adminPort : GatewaySpec.DEFAULT_ADMIN_PORT;
    if (gateway.replicas != null && gateway.replicas < 0) {
      problems.add("spec.gateway.replicas must not be negative");
    }
    if (portStart < 1024 || portStart > 65535) {
      problems.add("spec.gateway.portStart must be between 1024 and 65535");
    }
    if (portCount < 1 || portCount > 1024) {
      problems.add("spec.gateway.portCount must be between 1 and 1024");
    }
    if (portStart + portCount > 65535) {
      problems.add("spec.gateway.portStart + portCount must not exceed 65535");
    }
    if (adminPort < 1024 || adminPort > 65535) {
      problems.add("spec.gateway.adminPort must be between 1024 and 65535");
    }
    if (adminPort >= portStart && adminPort <= portStart + portCount) {
      problems.add("spec.gateway.adminPort must lie outside the Kafka port range " + portStart + ".."
          + (portStart + portCount));
    }
  }
}
