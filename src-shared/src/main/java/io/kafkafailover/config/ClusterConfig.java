package io.kafkafailover.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One backend cluster, as declared in the cluster configuration.
 *
 * <p>{@code properties} holds every key of the cluster except {@value #ROLES_KEY} (which is parsed
 * into {@code roles}): Kafka client properties such as {@code bootstrap.servers} or
 * {@code sasl.jaas.config}, and the gateway's own per-cluster settings, whose keys start with
 * {@value #GATEWAY_PREFIX}. Both collections keep declaration order and are immutable.
 *
 * <p>A {@code ClusterConfig} on its own is not validated; {@link ClusterConfigs} validates the set.
 */
public record ClusterConfig(String name, Set<String> roles, Map<String, String> properties) {

    public static final String MAIN = "main";
    public static final String ROLE_FAILOVER = "failover";
    public static final String GATEWAY_PREFIX = "gateway.";
    public static final String ROLES_KEY = "gateway.roles";
    public static final String NODE_ID_BASE_KEY = "gateway.node.id.base";
    public static final String BOOTSTRAP_SERVERS_KEY = "bootstrap.servers";

    public ClusterConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(properties, "properties");
        if (properties.containsKey(ROLES_KEY)) {
            throw new IllegalArgumentException(ROLES_KEY + " belongs in roles, not in properties");
        }
        roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * Builds a cluster from all of its keys as written in a file or the environment: the
     * comma-separated {@value #ROLES_KEY} becomes {@code roles}, everything else stays a property.
     */
    public static ClusterConfig fromKeys(String name, Map<String, String> keys) {
        Map<String, String> properties = new LinkedHashMap<>(keys);
        String roles = properties.remove(ROLES_KEY);
        return new ClusterConfig(name, parseRoles(roles), properties);
    }

    /** All keys as they would be written back: the properties, then {@value #ROLES_KEY} if any role. */
    public Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>(properties);
        if (!roles.isEmpty()) {
            keys.put(ROLES_KEY, String.join(",", roles));
        }
        return Collections.unmodifiableMap(keys);
    }

    public boolean isMain() {
        return MAIN.equals(name);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The raw {@code bootstrap.servers} value, or null when it is not set. */
    public String bootstrapServers() {
        return properties.get(BOOTSTRAP_SERVERS_KEY);
    }

    /** {@code bootstrap.servers} split on commas, trimmed, blanks dropped; empty when not set. */
    public List<String> bootstrapAddresses() {
        String servers = bootstrapServers();
        if (servers == null) {
            return List.of();
        }
        return splitList(servers);
    }

    /** What to hand to a Kafka client: every property except the gateway's own {@code gateway.*} keys. */
    public Map<String, String> kafkaProperties() {
        Map<String, String> kafka = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (!key.startsWith(GATEWAY_PREFIX)) {
                kafka.put(key, value);
            }
        });
        return Collections.unmodifiableMap(kafka);
    }

    /**
     * The lowest broker id of this cluster, {@value #NODE_ID_BASE_KEY}, default 0: the gateway serves
     * broker {@code N} on its broker port number {@code N - base}, so that clusters with disjoint id
     * ranges share the same gateway ports.
     *
     * @throws ClusterConfigException when the value is not a non-negative integer
     */
    public int nodeIdBase() {
        String value = properties.get(NODE_ID_BASE_KEY);
        if (value == null) {
            return 0;
        }
        try {
            int base = Integer.parseInt(value.trim());
            if (base >= 0) {
                return base;
            }
        } catch (NumberFormatException e) {
            // reported below with the cluster and key
        }
        throw new ClusterConfigException(name, NODE_ID_BASE_KEY,
                "'" + value + "' is not a non-negative integer");
    }

    /** Secrets are printed as {@value SecretKeys#HIDDEN}, see {@link SecretKeys#isSecret(String)}. */
    @Override
    public String toString() {
        return "ClusterConfig[name=" + name + ", roles=" + roles + ", properties="
                + SecretKeys.masked(properties) + "]";
    }

    static Set<String> parseRoles(String roles) {
        if (roles == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(splitList(roles));
    }

    static List<String> splitList(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .collect(Collectors.toList());
    }
}
