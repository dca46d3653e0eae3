package io.kafkafailover.operator.render;

import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.model.ClusterSpec;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.model.TrustedCertificate;
import java.util.ArrayList;
import java.util.List;

/** Every Secret key that a KafkaFailover's gateway pods read, in a stable order. */
public final class SecretReferences {

  public static final String ADMIN_USERNAME_KEY = "username";
  public static final String ADMIN_PASSWORD_KEY = "password";

  private SecretReferences() {}

  public static List<SecretUse> of(KafkaFailover resource, GatewaySettings gateway) {
    List<SecretUse> uses = new ArrayList<>();
    for (ClusterName cluster : ClusterName.values()) {
      uses.addAll(ofCluster(cluster, resource.getSpec().cluster(cluster)));
    }
    uses.add(new SecretUse(gateway.adminSecretName(), ADMIN_USERNAME_KEY, null, ADMIN_USERNAME_KEY));
    uses.add(new SecretUse(gateway.adminSecretName(), ADMIN_PASSWORD_KEY, null, ADMIN_PASSWORD_KEY));
    return uses;
  }

  public static List<SecretUse> ofCluster(ClusterName cluster, ClusterSpec spec) {
    List<SecretUse> uses = new ArrayList<>();
    String name = cluster.configName();
    if (spec.sasl != null) {
      uses.add(new SecretUse(spec.sasl.passwordSecret.name, spec.sasl.passwordSecret.keyOrDefault(), name,
          GatewayPaths.PASSWORD_FILE));
    }
    if (spec.tls != null) {
      List<TrustedCertificate> certificates = spec.tls.trustedCertificates;
      for (int i = 0; i < certificates.size(); i++) {
        uses.add(new SecretUse(certificates.get(i).secretName, certificates.get(i).certificate, name,
            GatewayPaths.trustedCertificateFile(i)));
      }
    }
    return uses;
  }
}
