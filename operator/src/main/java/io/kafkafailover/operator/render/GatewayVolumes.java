package io.kafkafailover.operator.render;

import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.model.KafkaFailover;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a gateway pod. Everything is mounted as a whole directory, never with subPath: the
 * kubelet does not update subPath mounts, and the gateway must see the active-cluster file change.
 */
final class GatewayVolumes {

  private static final String CONFIG = "config";
  private static final String ADMIN = "admin-credentials";
  private static final String TMP = "tmp";

  private GatewayVolumes() {}

  static List<Volume> volumes(KafkaFailover resource, GatewaySettings gateway) {
    List<Volume> volumes = new ArrayList<>();
    volumes.add(new VolumeBuilder()
        .withName(CONFIG)
        .withNewConfigMap()
        .withName(GatewayNames.configMap(resource))
        .endConfigMap()
        .build());
    volumes.add(new VolumeBuilder()
        .withName(ADMIN)
        .withNewSecret()
        .withSecretName(gateway.adminSecretName())
        .withItems(item(SecretReferences.ADMIN_USERNAME_KEY, SecretReferences.ADMIN_USERNAME_KEY),
            item(SecretReferences.ADMIN_PASSWORD_KEY, SecretReferences.ADMIN_PASSWORD_KEY))
        .endSecret()
        .build());
    clusterSecrets(resource).forEach((cluster, uses) -> volumes.add(new VolumeBuilder()
        .withName(clusterVolume(cluster))
        .withNewProjected()
        .withSources(projections(uses))
        .endProjected()
        .build()));
    volumes.add(new VolumeBuilder().withName(TMP).withNewEmptyDir().endEmptyDir().build());
    return volumes;
  }

  static List<VolumeMount> mounts(KafkaFailover resource) {
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(readOnlyMount(CONFIG, GatewayPaths.CONFIG_DIR));
    mounts.add(readOnlyMount(ADMIN, GatewayPaths.ADMIN_DIR));
    clusterSecrets(resource).keySet().forEach(cluster ->
        mounts.add(readOnlyMount(clusterVolume(cluster), GatewayPaths.clusterSecretsDir(cluster))));
    // The root file system is read-only; the JVM still wants a writable temp directory.
    mounts.add(new VolumeMountBuilder().withName(TMP).withMountPath(GatewayPaths.TMP_DIR).build());
    return mounts;
  }

  /** Per cluster that has any, the Secret keys that go into its secrets directory. */
  private static Map<String, List<SecretUse>> clusterSecrets(KafkaFailover resource) {
    Map<String, List<SecretUse>> byCluster = new LinkedHashMap<>();
    for (ClusterName cluster : ClusterName.values()) {
      List<SecretUse> uses = SecretReferences.ofCluster(cluster, resource.getSpec().cluster(cluster));
      if (!uses.isEmpty()) {
        byCluster.put(cluster.configName(), uses);
      }
    }
    return byCluster;
  }

  /** One projection per Secret, so that two keys of one Secret land in one directory too. */
  private static List<VolumeProjection> projections(List<SecretUse> uses) {
    Map<String, List<KeyToPath>> itemsBySecret = new LinkedHashMap<>();
    for (SecretUse use : uses) {
      itemsBySecret.computeIfAbsent(use.secretName(), name -> new ArrayList<>()).add(item(use.key(), use.file()));
    }
    List<VolumeProjection> projections = new ArrayList<>();
    itemsBySecret.forEach((secret, items) -> projections.add(new VolumeProjectionBuilder()
        .withNewSecret()
        .withName(secret)
        .withItems(items)
        .endSecret()
        .build()));
    return projections;
  }

  private static String clusterVolume(String cluster) {
    return "secrets-" + cluster;
  }

  private static KeyToPath item(String key, String path) {
    return new KeyToPathBuilder().withKey(key).withPath(path).build();
  }

  private static VolumeMount readOnlyMount(String volume, String path) {
    return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(true).build();
  }
}
