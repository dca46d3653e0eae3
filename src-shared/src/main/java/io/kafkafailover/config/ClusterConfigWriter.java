package io.kafkafailover.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes clusters in the file form that {@link ClusterConfigLoader#fromYaml} reads, main first,
 * each cluster's properties in order with {@value ClusterConfig#ROLES_KEY} last. Values are
 * written as they are, so write a raw model (references unresolved) to keep secrets out of the
 * output, e.g. out of a ConfigMap.
 */
public final class ClusterConfigWriter {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // a JAAS line folded at 80 columns is valid YAML but hard to read in a ConfigMap
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            // "9092" stays a quoted string, so the file reads the way the model holds it
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private ClusterConfigWriter() {
    }

    public static String toYaml(ClusterConfigs clusters) {
        Map<String, Map<String, String>> config = new LinkedHashMap<>();
        for (ClusterConfig cluster : clusters.all()) {
            config.put(cluster.name(), cluster.keys());
        }
        try {
            return YAML.writeValueAsString(Map.of("config", config));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write cluster configuration as YAML", e);
        }
    }
}
