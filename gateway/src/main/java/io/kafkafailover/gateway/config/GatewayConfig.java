package io.kafkafailover.gateway.config;

import io.kafkafailover.config.ClusterConfigLoader;
import io.kafkafailover.config.ClusterConfigs;
import io.kafkafailover.config.ConfigProviderResolver;
import io.kafkafailover.gateway.admin.AdminUsers;
import io.kafkafailover.gateway.security.AdminTls;
import io.kafkafailover.gateway.security.ClientSecurity;
import io.kafkafailover.gateway.security.TlsSettings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the gateway reads from its environment, validated once at start-up. Tests and the
 * demo build it from a map with the same keys, so they exercise the production path.
 */
public record GatewayConfig(
        ClusterConfigs clusters,
        String bindHost,
        String advertisedHost,
        int portStart,
        int portCount,
        int maxFrameBytes,
        Optional<String> upstreamBindHost,
        String httpBindHost,
        int httpPort,
        AdminUsers adminUsers,
        Optional<Path> activeClusterFile,
        String initialActiveCluster,
        ClientSecurity clientSecurity,
        Optional<TlsSettings> adminTls,
        boolean zeroCopy) {

    public static final int DEFAULT_PORT_START = 6969;
    public static final int DEFAULT_PORT_COUNT = 16;
    public static final int DEFAULT_MAX_FRAME_BYTES = 100 * 1024 * 1024;
    public static final int DEFAULT_HTTP_PORT = 8888;

    public GatewayConfig {
        if (portStart + portCount > 65535) {
            throw new GatewayConfigException("GATEWAY_PORT_COUNT",
                    "ports " + portStart + ".." + (portStart + portCount) + " run past 65535");
        }
        if (clusters.get(initialActiveCluster).isEmpty()) {
            throw new GatewayConfigException("GATEWAY_ACTIVE_CLUSTER",
                    "names no configured cluster: '" + initialActiveCluster + "' (known: " + clusters.names() + ")");
        }
    }

    /** Reads the configuration from environment variables (or a map holding the same keys). */
    public static GatewayConfig fromEnvironment(Map<String, String> env) {
        ClusterConfigs clusters = ConfigProviderResolver.resolve(
                ClusterConfigLoader.fromSelector(env.get("GATEWAY_BACKEND_KAFKA_SELECTOR"), env), env);
        Optional<Path> activeFile = optional(env, "GATEWAY_ACTIVE_CLUSTER_FILE").map(Path::of);
        return new GatewayConfig(
                clusters,
                optional(env, "GATEWAY_BIND_HOST").orElse("0.0.0.0"),
                optional(env, "GATEWAY_ADVERTISED_HOST").orElseGet(GatewayConfig::localHostName),
                port(env, "GATEWAY_PORT_START", DEFAULT_PORT_START),
                intIn(env, "GATEWAY_PORT_COUNT", DEFAULT_PORT_COUNT, 1, 1024),
                intIn(env, "GATEWAY_MAX_FRAME_BYTES", DEFAULT_MAX_FRAME_BYTES, 1024, Integer.MAX_VALUE),
                optional(env, "GATEWAY_UPSTREAM_BIND_HOST"),
                optional(env, "GATEWAY_HTTP_BIND_HOST").orElse("0.0.0.0"),
                intIn(env, "GATEWAY_HTTP_PORT", DEFAULT_HTTP_PORT, 0, 65535),
                optional(env, AdminUsers.KEY)
                        .map(raw -> AdminUsers.parse(ConfigProviderResolver.resolveSetting(AdminUsers.KEY, raw, env)))
                        .orElseGet(AdminUsers::none),
                activeFile,
                ActiveClusterFile.initialActive(activeFile, optional(env, "GATEWAY_ACTIVE_CLUSTER"), clusters),
                ClientSecurity.fromEnvironment(env),
                AdminTls.fromEnvironment(env),
                bool(env, "GATEWAY_ZERO_COPY", true));
    }

    /** The port clients bootstrap from; broker ports follow it. */
    public int bootstrapPort() {
        return portStart;
    }

    private static Optional<String> optional(Map<String, String> env, String key) {
        String value = env.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static int port(Map<String, String> env, String key, int defaultValue) {
        return intIn(env, key, defaultValue, 1, 65535);
    }

    private static int intIn(Map<String, String> env, String key, int defaultValue, int min, int max) {
        Optional<String> raw = optional(env, key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new GatewayConfigException(key, "must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new GatewayConfigException(key, "not a whole number: '" + raw.get() + "'");
        }
    }

    private static boolean bool(Map<String, String> env, String key, boolean defaultValue) {
        Optional<String> raw = optional(env, key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new GatewayConfigException(key, "must be true or false, was '" + raw.get() + "'");
        };
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
