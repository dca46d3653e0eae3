package io.kafkafailover.operator.render;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.config.ClusterConfigs;
import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.model.ClusterSpec;
import io.kafkafailover.operator.model.KafkaFailoverSpec;
import io.kafkafailover.operator.model.SecurityProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * The gateway's cluster configuration for a KafkaFailover, in the shared model. It holds no secret:
 * passwords and certificates are config-provider references to files mounted from Secrets.
 */
public final class ClusterConfigRenderer {

  private ClusterConfigRenderer() {}

  /** @throws io.kafkafailover.config.ClusterConfigException naming the cluster and key that is wrong */
  public static ClusterConfigs render(KafkaFailoverSpec spec) {
    List<ClusterConfig> clusters = new ArrayList<>();
    for (ClusterName name : ClusterName.values()) {
      Set<String> roles = name == ClusterName.FAILOVER ? Set.of(ClusterConfig.ROLE_FAILOVER) : Set.of();
      clusters.add(new ClusterConfig(name.configName(), roles, properties(name, spec.cluster(name))));
    }
    return new ClusterConfigs(clusters);
  }

  private static Map<String, String> properties(ClusterName name, ClusterSpec cluster) {
    String secretsDir = GatewayPaths.clusterSecretsDir(name.configName());
    SecurityProtocol protocol = cluster.securityProtocolOrDefault();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers);
    properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name());
    if (cluster.sasl != null) {
      properties.put(SaslConfigs.SASL_MECHANISM, cluster.sasl.mechanism.kafkaName());
      properties.put(SaslConfigs.SASL_JAAS_CONFIG, cluster.sasl.mechanism.loginModule()
          + " required username=\"" + cluster.sasl.username + "\" password=\""
          + GatewayPaths.directoryReference(secretsDir, GatewayPaths.PASSWORD_FILE) + "\";");
    }
    if (cluster.tls != null) {
      properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
      // One PEM value may hold several certificates; each reference is replaced by one file.
      properties.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG,
          IntStream.range(0, cluster.tls.trustedCertificates.size())
              .mapToObj(index -> GatewayPaths.directoryReference(secretsDir, GatewayPaths.trustedCertificateFile(index)))
              .collect(Collectors.joining("\n")));
    }
    if (cluster.properties != null) {
      properties.putAll(new TreeMap<>(cluster.properties));
    }
    return properties;
  }
}
