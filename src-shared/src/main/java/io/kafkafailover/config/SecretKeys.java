package io.kafkafailover.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Which configuration keys hold secrets, so that their values are never printed or logged.
 *
 * <p>Kafka itself marks secrets with {@link ConfigDef.Type#PASSWORD}; the client config
 * definitions are asked rather than keeping a hand-written list. Keys Kafka does not know (a
 * provider's own settings, future properties) are treated as secret when their name says so.
 */
public final class SecretKeys {

    public static final String HIDDEN = "[hidden]";

    private static final Set<String> KAFKA_PASSWORD_KEYS = Stream.of(
                    ProducerConfig.configDef(), ConsumerConfig.configDef(), AdminClientConfig.configDef())
            .flatMap(def -> def.configKeys().values().stream())
            .filter(key -> key.type == ConfigDef.Type.PASSWORD)
            .map(key -> key.name)
            .collect(Collectors.toUnmodifiableSet());

    private SecretKeys() {
    }

    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return KAFKA_PASSWORD_KEYS.contains(key)
                || SaslConfigs.SASL_JAAS_CONFIG.equals(lower)
                || lower.contains("password")
                || lower.contains("secret");
    }

    /** A copy (same order) in which the value of every secret key is replaced by {@value #HIDDEN}. */
    public static Map<String, String> masked(Map<String, String> properties) {
        Map<String, String> masked = new LinkedHashMap<>();
        properties.forEach((key, value) -> masked.put(key, isSecret(key) ? HIDDEN : value));
        return Collections.unmodifiableMap(masked);
    }
}
