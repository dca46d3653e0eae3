package io.kafkafailover.operator.render;

/** Where a gateway pod finds its files; the cluster config refers to them by these paths. */
public final class GatewayPaths {

  public static final String ROOT = "/etc/kafka-failover";
  public static final String CONFIG_DIR = ROOT + "/config";
  public static final String CLUSTER_CONFIG_KEY = "cluster-config.yaml";
  public static final String ACTIVE_CLUSTER_KEY = "active-cluster";
  public static final String ADMIN_DIR = ROOT + "/admin";
  public static final String SECRETS_DIR = ROOT + "/secrets";
  public static final String TMP_DIR = "/tmp";

  /** File name of the SASL password inside a cluster's secrets directory. */
  public static final String PASSWORD_FILE = "password";

  private GatewayPaths() {}

  public static String clusterSecretsDir(String cluster) {
    return SECRETS_DIR + "/" + cluster;
  }

  /** File name of the n-th trusted certificate inside a cluster's secrets directory. */
  public static String trustedCertificateFile(int index) {
    return "trusted-" + index + ".pem";
  }

  /** A Kafka config-provider reference that the gateway resolves to the file's content at start. */
  public static String directoryReference(String directory, String file) {
    return "${directory:" + directory + ":" + file + "}";
  }
}
