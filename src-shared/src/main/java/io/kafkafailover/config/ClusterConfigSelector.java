package io.kafkafailover.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Where the cluster configuration comes from: the value of {@value #ENV_VAR}, a YAML flow mapping
 * in Conduktor Gateway's form, either {@code file : { path: /cluster-config.yaml}} or
 * {@code env : { prefix : KAFKA_}}. Null or blank means the environment with prefix {@value #DEFAULT_PREFIX}.
 */
public sealed interface ClusterConfigSelector {

    String ENV_VAR = "GATEWAY_BACKEND_KAFKA_SELECTOR";
    String DEFAULT_PREFIX = "KAFKA_";

    /** Read the YAML file at {@code path}. */
    record FromFile(Path path) implements ClusterConfigSelector {
    }

    /** Read {@code <prefix><CLUSTER>_<PROPERTY>} environment variables. */
    record FromEnvironment(String prefix) implements ClusterConfigSelector {
    }

    /** @throws ClusterConfigException naming {@value #ENV_VAR} when the value cannot be understood */
    static ClusterConfigSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return new FromEnvironment(DEFAULT_PREFIX);
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(selector);
        } catch (IOException e) {
            throw invalid(selector, "not a YAML mapping", e);
        }
        if (!(root instanceof ObjectNode) || root.size() != 1) {
            throw invalid(selector, "expected exactly one of 'file' or 'env'", null);
        }
        Map.Entry<String, JsonNode> kind = root.fields().next();
        JsonNode options = kind.getValue();
        switch (kind.getKey().trim()) {
            case "file" -> {
                requireOnly(selector, options, Set.of("path"));
                String path = text(options, "path");
                if (path == null) {
                    throw invalid(selector, "'file' needs a non-blank 'path'", null);
                }
                return new FromFile(Path.of(path));
            }
            case "env" -> {
                requireOnly(selector, options, Set.of("prefix"));
                String prefix = text(options, "prefix");
                return new FromEnvironment(prefix == null ? DEFAULT_PREFIX : prefix);
            }
            default -> throw invalid(selector, "unknown source '" + kind.getKey() + "', expected 'file' or 'env'"
                    + colonHint(kind.getKey()), null);
        }
    }

    private static void requireOnly(String selector, JsonNode options, Set<String> allowed) {
        if (options == null || options.isNull()) {
            return;
        }
        if (!options.isObject()) {
            throw invalid(selector, "the options must be a mapping such as { path: /cluster-config.yaml }", null);
        }
        for (Iterator<String> names = options.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(selector, "unknown option '" + name + "' (allowed: " + allowed + ")" + colonHint(name), null);
            }
        }
    }

    private static String colonHint(String name) {
        return name.contains(":") ? " (YAML needs a space after ':')" : "";
    }

    private static String text(JsonNode options, String field) {
        JsonNode value = options == null ? null : options.get(field);
        if (value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().trim();
    }

    private static ClusterConfigException invalid(String selector, String problem, Throwable cause) {
        return ClusterConfigException.forSetting(ENV_VAR, "cannot use '" + selector + "': " + problem, cause);
    }
}
