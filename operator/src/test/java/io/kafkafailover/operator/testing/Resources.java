package io.kafkafailover.operator.testing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.model.ClusterSpec;
import io.kafkafailover.operator.model.GatewaySpec;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.model.KafkaFailoverSpec;
import io.kafkafailover.operator.model.SaslMechanism;
import io.kafkafailover.operator.model.SaslSpec;
import io.kafkafailover.operator.model.SecretKeyRef;
import io.kafkafailover.operator.model.SecretRef;
import io.kafkafailover.operator.model.SecurityProtocol;
import io.kafkafailover.operator.model.TlsSpec;
import io.kafkafailover.operator.model.TrustedCertificate;
import io.kafkafailover.operator.render.GatewayNames;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders for the objects the tests create: KafkaFailovers, their Secrets, gateway Pods. */
public final class Resources {

  private Resources() {}

  /** SASL_SSL towards main (with a CA), SASL_PLAINTEXT towards failover: every kind of Secret use. */
  public static KafkaFailover payments(String namespace, ClusterName active) {
    KafkaFailover resource = new KafkaFailover();
    resource.setMetadata(new ObjectMetaBuilder().withName("payments").withNamespace(namespace).build());
    KafkaFailoverSpec spec = new KafkaFailoverSpec();
    spec.active = active;
    spec.main = cluster("primary-1:9092,primary-2:9092", SecurityProtocol.SASL_SSL, SaslMechanism.PLAIN,
        "primary-key", "primary-credentials");
    spec.main.tls = new TlsSpec();
    spec.main.tls.trustedCertificates = List.of(new TrustedCertificate("primary-ca", "ca.crt"));
    spec.main.properties = new LinkedHashMap<>(Map.of("client.dns.lookup", "use_all_dns_ips"));
    spec.failover = cluster("secondary-1:9092", SecurityProtocol.SASL_PLAINTEXT, SaslMechanism.SCRAM_SHA_512,
        "secondary-user", "secondary-credentials");
    spec.gateway = new GatewaySpec();
    spec.gateway.image = "kafka-failover/gateway:test";
    resource.setSpec(spec);
    return resource;
  }

  public static ClusterSpec cluster(String bootstrap, SecurityProtocol protocol, SaslMechanism mechanism,
      String username, String secretName) {
    ClusterSpec cluster = new ClusterSpec();
    cluster.bootstrapServers = bootstrap;
    cluster.securityProtocol = protocol;
    if (mechanism != null) {
      cluster.sasl = new SaslSpec();
      cluster.sasl.mechanism = mechanism;
      cluster.sasl.username = username;
      cluster.sasl.passwordSecret = new SecretKeyRef(secretName, "password");
    }
    return cluster;
  }

  /** {@link #payments} with its own admin Secret and the admin port the stand-in gateways listen on. */
  public static KafkaFailover paymentsWithAdmin(String namespace, ClusterName active, int adminPort) {
    KafkaFailover resource = payments(namespace, active);
    resource.getSpec().gateway.adminPort = adminPort;
    resource.getSpec().gateway.adminCredentialsSecret = new SecretRef("payments-admin");
    return resource;
  }

  /** The Secrets {@link #payments} refers to, but the admin Secret. */
  public static List<Secret> clusterSecrets(String namespace) {
    return List.of(
        secret(namespace, "primary-credentials", Map.of("password", "primary-secret")),
        secret(namespace, "primary-ca", Map.of("ca.crt", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")),
        secret(namespace, "secondary-credentials", Map.of("password", "secondary-secret")));
  }

  public static Secret adminSecret(String namespace, String username, String password) {
    return secret(namespace, "payments-admin", Map.of("username", username, "password", password));
  }

  public static Secret secret(String namespace, String name, Map<String, String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach((key, value) ->
        data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withData(data)
        .build();
  }

  /** A pod as the Deployment's ReplicaSet would create it and the kubelet report it: Ready, with an IP. */
  public static Pod readyGatewayPod(KafkaFailover owner, String name, String ip) {
    Map<String, String> labels = new LinkedHashMap<>(GatewayNames.labels(owner));
    labels.put("pod-template-hash", "5d8f7c9b4");
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(owner.getMetadata().getNamespace())
        .withUid(UUID.randomUUID().toString())
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer().withName("gateway").withImage("kafka-failover/gateway:test").endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withPodIP(ip)
        .addNewCondition().withType("Ready").withStatus("True").endCondition()
        .endStatus()
        .build();
  }

  public static ClusterName other(ClusterName cluster) {
    return cluster == ClusterName.MAIN ? ClusterName.FAILOVER : ClusterName.MAIN;
  }
}
