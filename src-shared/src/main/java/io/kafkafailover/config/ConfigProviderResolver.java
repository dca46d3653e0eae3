package io.kafkafailover.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.DirectoryConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.common.utils.Utils;

/**
 * Replaces Kafka config-provider references in the Kafka client properties of every cluster:
 * {@code ${env:VAR}}, {@code ${file:/path/to.properties:key}} and {@code ${directory:/dir:file}},
 * with kafka-clients' own {@link ConfigTransformer} and providers, so the syntax and semantics are
 * exactly Kafka's.
 *
 * <p>These three providers are created here directly, so the JVM system property
 * {@code org.apache.kafka.automatic.config.providers} does not need to be set: in kafka-clients
 * 4.x it only restricts the providers that a Kafka client instantiates by itself from a
 * {@code config.providers} property (unset means all are allowed, an explicit list allows only
 * those classes). A cluster that declares {@code config.providers} for other providers (a vault,
 * say) keeps those references as written; the Kafka client resolves them, under that property.
 *
 * <p>{@code gateway.*} settings are not resolved: they are plain values. Values are read once:
 * a rotated secret takes effect when the gateway restarts.
 */
public final class ConfigProviderResolver {

    private static final String CONFIG_PROVIDERS = AbstractConfig.CONFIG_PROVIDERS_CONFIG;

    private ConfigProviderResolver() {
    }

    /** Resolves against the process environment. */
    public static ClusterConfigs resolve(ClusterConfigs raw) {
        return resolve(raw, new EnvVarConfigProvider());
    }

    /** Resolves {@code ${env:...}} against {@code env} instead of the process environment. */
    public static ClusterConfigs resolve(ClusterConfigs raw, Map<String, String> env) {
        return resolve(raw, new EnvVarConfigProvider(env));
    }

    /**
     * Resolves the references in one gateway setting that is not part of a cluster (for example
     * the admin API users), with the same providers; errors name the setting.
     */
    public static String resolveSetting(String key, String value, Map<String, String> env) {
        return withTransformer(new EnvVarConfigProvider(env), (transformer, known) ->
                resolve(null, key, value, transformer, known, List.of()));
    }

    private static ClusterConfigs resolve(ClusterConfigs raw, EnvVarConfigProvider envProvider) {
        return withTransformer(envProvider, (transformer, known) -> {
            List<ClusterConfig> resolved = new ArrayList<>();
            for (ClusterConfig cluster : raw.all()) {
                resolved.add(resolve(cluster, transformer, known));
            }
            return new ClusterConfigs(resolved);
        });
    }

    private interface TransformerUse<T> {
        T apply(ConfigTransformer transformer, Set<String> known);
    }

    private static <T> T withTransformer(EnvVarConfigProvider envProvider, TransformerUse<T> use) {
        Map<String, ConfigProvider> providers = new LinkedHashMap<>();
        providers.put("env", envProvider);
        providers.put("file", new FileConfigProvider());
        providers.put("directory", new DirectoryConfigProvider());
        try {
            // an explicit allow-all pattern: the same behaviour as none, without Kafka logging that none was given
            envProvider.configure(Map.of(EnvVarConfigProvider.ALLOWLIST_PATTERN_CONFIG, ".*"));
            providers.get("file").configure(Map.of());
            providers.get("directory").configure(Map.of());
            return use.apply(new ConfigTransformer(providers), providers.keySet());
        } finally {
            providers.values().forEach(provider -> Utils.closeQuietly(provider, "config provider"));
        }
    }

    private static ClusterConfig resolve(ClusterConfig cluster, ConfigTransformer transformer, Set<String> known) {
        List<String> declared = ClusterConfig.splitList(
                cluster.properties().getOrDefault(CONFIG_PROVIDERS, ""));
        Map<String, String> properties = new LinkedHashMap<>();
        cluster.properties().forEach((key, value) -> {
            boolean plain = key.startsWith(ClusterConfig.GATEWAY_PREFIX) || !ClusterValidator.isDeferred(value);
            properties.put(key, plain ? value : resolve(cluster.name(), key, value, transformer, known, declared));
        });
        return new ClusterConfig(cluster.name(), cluster.roles(), properties);
    }

    private static String resolve(String cluster, String key, String value, ConfigTransformer transformer,
                                  Set<String> known, List<String> declared) {
        // Each reference is tried alone first so that a failure names it; the transformer would
        // otherwise leave an unresolvable reference silently in place.
        Matcher references = ConfigTransformer.DEFAULT_PATTERN.matcher(value);
        while (references.find()) {
            String reference = references.group();
            String provider = references.group(1);
            if (declared.contains(provider)) {
                continue;
            }
            if (!known.contains(provider)) {
                throw problem(cluster, key, "unknown config provider '" + provider + "' in "
                        + reference + " (known: " + known + ", others must be declared in " + CONFIG_PROVIDERS + ")", null);
            }
            if (transform(cluster, key, reference, reference, transformer).equals(reference)) {
                throw problem(cluster, key, "cannot resolve " + reference + ": not found", null);
            }
        }
        return transform(cluster, key, value, "its config provider references", transformer);
    }

    /** @param what names the value in an error; the value itself may hold a secret next to a reference */
    private static String transform(String cluster, String key, String value, String what,
                                    ConfigTransformer transformer) {
        try {
            return transformer.transform(Map.of(key, value)).data().get(key);
        } catch (ConfigException e) {
            // Kafka's provider messages name paths, never file contents.
            throw problem(cluster, key, "cannot resolve " + what + ": " + e.getMessage(), e);
        }
    }

    /** @param cluster null for a setting outside any cluster */
    private static ClusterConfigException problem(String cluster, String key, String problem, Throwable cause) {
        return cluster == null
                ? ClusterConfigException.forSetting(key, problem, cause)
                : new ClusterConfigException(cluster, key, problem, cause);
    }
}
