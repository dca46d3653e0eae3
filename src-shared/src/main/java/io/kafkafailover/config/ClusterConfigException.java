package io.kafkafailover.config;

import java.util.Optional;

/**
 * An invalid or unreadable cluster configuration. The message names where the problem is (cluster
 * and key, or the file / setting that could not be read) and never contains a secret value, so it
 * is safe to log and to show as the reason start-up stopped.
 */
public class ClusterConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String cluster;
    private final String key;

    /** {@code cluster 'c', key 'k': problem}. */
    public ClusterConfigException(String cluster, String key, String problem) {
        this(cluster, key, problem, null);
    }

    public ClusterConfigException(String cluster, String key, String problem, Throwable cause) {
        super("cluster '" + cluster + "', key '" + key + "': " + problem, cause);
        this.cluster = cluster;
        this.key = key;
    }

    private ClusterConfigException(String message, String key, Throwable cause) {
        super(message, cause);
        this.cluster = null;
        this.key = key;
    }

    /** A problem with a setting outside any cluster, e.g. {@code key 'GATEWAY_BACKEND_KAFKA_SELECTOR': ...}. */
    public static ClusterConfigException forSetting(String key, String problem, Throwable cause) {
        return new ClusterConfigException("key '" + key + "': " + problem, key, cause);
    }

    /** A problem with a whole source, e.g. {@code /cluster-config.yaml: cannot read file (...)}. */
    public static ClusterConfigException forSource(String source, String problem, Throwable cause) {
        return new ClusterConfigException(source + ": " + problem, null, cause);
    }

    public Optional<String> cluster() {
        return Optional.ofNullable(cluster);
    }

    public Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
