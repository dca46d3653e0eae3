package io.kafkafailover.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the cluster configuration from a YAML file or from environment variables.
 *
 * <p>Every method returns the <em>raw</em> model: config-provider references such as
 * {@code ${file:/secrets/main.properties:password}} stay as written, so that the model can be
 * shown, compared and written back without reading secrets. Pass the result to
 * {@link ConfigProviderResolver#resolve(ClusterConfigs)} before handing properties to Kafka.
 */
public final class ClusterConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfigLoader.class);

    private ClusterConfigLoader() {
    }

    /**
     * @param selector the value of {@value ClusterConfigSelector#ENV_VAR}; null or blank means
     *                 the environment with prefix {@value ClusterConfigSelector#DEFAULT_PREFIX}
     * @param env      the environment to read in the env form (usually {@code System.getenv()})
     */
    public static ClusterConfigs fromSelector(String selector, Map<String, String> env) {
        ClusterConfigSelector parsed = ClusterConfigSelector.parse(selector);
        if (parsed instanceof ClusterConfigSelector.FromFile file) {
            return fromFile(file.path());
        }
        return fromEnvironment(env, ((ClusterConfigSelector.FromEnvironment) parsed).prefix());
    }

    public static ClusterConfigs fromFile(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ClusterConfigException.forSource(file.toString(),
                    "cannot read the cluster configuration file (" + e.getClass().getSimpleName() + ")", e);
        }
        return fromYaml(yaml, file.toString());
    }

    /** @param sourceDescription how errors name the YAML, e.g. its file name */
    public static ClusterConfigs fromYaml(String yaml, String sourceDescription) {
        ClusterConfigs clusters = new ClusterConfigs(ClusterYamlReader.read(yaml, sourceDescription));
        LOG.info("Loaded clusters {} from {}", clusters.names(), sourceDescription);
        return clusters;
    }

    /**
     * Reads {@code <prefix><CLUSTER>_<PROPERTY>}: the cluster is the first segment lower-cased, the
     * property the rest lower-cased with {@code _} turned into {@code .}
     * ({@code KAFKA_MAIN_SASL_JAAS_CONFIG} → cluster {@code main}, {@code sasl.jaas.config}).
     * Only groups with {@code bootstrap.servers} are clusters, so {@code KAFKA_HEAP_OPTS} and the
     * like are ignored. Clusters and properties are taken in variable-name order, since an
     * environment has no declaration order.
     */
    public static ClusterConfigs fromEnvironment(Map<String, String> env, String prefix) {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(prefix)) {
                continue;
            }
            String rest = name.substring(prefix.length());
            int separator = rest.indexOf('_');
            if (separator <= 0 || separator == rest.length() - 1) {
                continue;
            }
            String cluster = rest.substring(0, separator).toLowerCase(Locale.ROOT);
            String property = rest.substring(separator + 1).toLowerCase(Locale.ROOT).replace('_', '.');
            groups.computeIfAbsent(cluster, c -> new LinkedHashMap<>()).put(property, variable.getValue());
        }
        List<ClusterConfig> clusters = new ArrayList<>();
        groups.forEach((cluster, properties) -> {
            if (properties.containsKey(ClusterConfig.BOOTSTRAP_SERVERS_KEY)) {
                clusters.add(ClusterConfig.fromKeys(cluster, properties));
            } else if (properties.keySet().stream().anyMatch(key -> key.startsWith(ClusterConfig.GATEWAY_PREFIX))) {
                // gateway settings without bootstrap servers are most likely a misspelt cluster
                LOG.warn("Ignoring {}{}_* variables: they set gateway settings but no {}{}_BOOTSTRAP_SERVERS",
                        prefix, cluster.toUpperCase(Locale.ROOT), prefix, cluster.toUpperCase(Locale.ROOT));
            }
        });
        ClusterConfigs result = new ClusterConfigs(clusters);
        LOG.info("Loaded clusters {} from environment variables {}*", result.names(), prefix);
        return result;
    }
}
