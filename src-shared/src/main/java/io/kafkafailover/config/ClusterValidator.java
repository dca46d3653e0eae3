package io.kafkafailover.config;

import static io.kafkafailover.config.ClusterConfig.BOOTSTRAP_SERVERS_KEY;
import static io.kafkafailover.config.ClusterConfig.GATEWAY_PREFIX;
import static io.kafkafailover.config.ClusterConfig.MAIN;
import static io.kafkafailover.config.ClusterConfig.NODE_ID_BASE_KEY;
import static io.kafkafailover.config.ClusterConfig.ROLES_KEY;
import static io.kafkafailover.config.ClusterConfig.ROLE_FAILOVER;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.utils.Utils;

/**
 * The rules a cluster set must follow. Each failure names the cluster and the key.
 *
 * <p>Values that still hold a config-provider reference ({@code ${file:...}}) are checked for
 * presence only: their format is checked again once {@link ConfigProviderResolver} has replaced
 * them, because it builds a new {@link ClusterConfigs}.
 *
 * <p>{@code main} must not carry the {@code failover} role: main is always a valid switch target
 * (switching back), and the role exists to mark the <em>other</em> clusters that may replace it.
 * A role on main would mean nothing, so it is rejected as a likely mistake.
 */
final class ClusterValidator {

    static final Pattern CLUSTER_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    static final int MAX_NAME_LENGTH = 63;
    static final List<String> KNOWN_ROLES = List.of(ROLE_FAILOVER);
    // lists rather than sets: they appear in messages, which must read the same on every run
    static final List<String> KNOWN_GATEWAY_KEYS = List.of(ROLES_KEY, NODE_ID_BASE_KEY);

    private ClusterValidator() {
    }

    static void validate(Map<String, ClusterConfig> clusters) {
        if (!clusters.containsKey(MAIN)) {
            throw new ClusterConfigException(MAIN, BOOTSTRAP_SERVERS_KEY,
                    "missing: there must be a cluster named 'main' (clusters found: " + clusters.keySet() + ")");
        }
        clusters.values().forEach(ClusterValidator::validate);
    }

    private static void validate(ClusterConfig cluster) {
        validateName(cluster.name());
        validateBootstrapServers(cluster);
        validateRoles(cluster);
        validateGatewayKeys(cluster);
        validateSecurity(cluster);
    }

    private static void validateName(String name) {
        if (name.length() > MAX_NAME_LENGTH || !CLUSTER_NAME.matcher(name).matches()) {
            throw new ClusterConfigException(name, "name", "a cluster name must be at most " + MAX_NAME_LENGTH
                    + " characters of lower-case letters, digits and '-', starting and ending with a letter or digit");
        }
    }

    private static void validateBootstrapServers(ClusterConfig cluster) {
        String servers = cluster.bootstrapServers();
        if (servers == null || servers.isBlank()) {
            throw new ClusterConfigException(cluster.name(), BOOTSTRAP_SERVERS_KEY, "missing");
        }
        if (isDeferred(servers)) {
            return;
        }
        if (cluster.bootstrapAddresses().isEmpty()) {
            throw new ClusterConfigException(cluster.name(), BOOTSTRAP_SERVERS_KEY, "missing");
        }
        for (String address : cluster.bootstrapAddresses()) {
            String host = Utils.getHost(address);
            Integer port = Utils.getPort(address);
            if (host == null || host.isEmpty() || port == null || port < 1 || port > 65535) {
                throw new ClusterConfigException(cluster.name(), BOOTSTRAP_SERVERS_KEY,
                        "'" + address + "' is not a host:port address");
            }
        }
    }

    private static void validateRoles(ClusterConfig cluster) {
        for (String role : cluster.roles()) {
            if (!KNOWN_ROLES.contains(role)) {
                throw new ClusterConfigException(cluster.name(), ROLES_KEY,
                        "unknown role '" + role + "' (known roles: " + KNOWN_ROLES + ")");
            }
        }
        if (cluster.isMain() && cluster.hasRole(ROLE_FAILOVER)) {
            throw new ClusterConfigException(cluster.name(), ROLES_KEY,
                    "the main cluster cannot have the failover role; give it to the clusters main may switch to");
        }
    }

    private static void validateGatewayKeys(ClusterConfig cluster) {
        for (String key : cluster.properties().keySet()) {
            if (key.startsWith(GATEWAY_PREFIX) && !KNOWN_GATEWAY_KEYS.contains(key)) {
                throw new ClusterConfigException(cluster.name(), key,
                        "unknown gateway setting (known: " + KNOWN_GATEWAY_KEYS + ")");
            }
        }
        cluster.nodeIdBase();
    }

    private static void validateSecurity(ClusterConfig cluster) {
        String protocolName = cluster.properties().get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
        if (protocolName == null || isDeferred(protocolName)) {
            return;
        }
        SecurityProtocol protocol;
        try {
            // Kafka's own validator accepts any case; so does this.
            protocol = SecurityProtocol.forName(protocolName.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ClusterConfigException(cluster.name(), CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                    "'" + protocolName + "' is not one of " + SecurityProtocol.names());
        }
        if (protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL) {
            String mechanism = cluster.properties().get(SaslConfigs.SASL_MECHANISM);
            if (mechanism == null || mechanism.isBlank()) {
                throw new ClusterConfigException(cluster.name(), SaslConfigs.SASL_MECHANISM,
                        "missing: required with security.protocol " + protocol.name);
            }
        }
    }

    /** True when the value holds a config-provider reference that is resolved later. */
    static boolean isDeferred(String value) {
        return ConfigTransformer.DEFAULT_PATTERN.matcher(value).find();
    }
}
