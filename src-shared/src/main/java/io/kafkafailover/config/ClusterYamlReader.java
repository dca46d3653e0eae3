package io.kafkafailover.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the file form ({@code config:} → cluster name → properties).
 *
 * <p>It walks the YAML tokens rather than binding to a tree so that every scalar keeps the text
 * the user wrote: a tree would turn {@code 0.10} into the number 0.1, and Kafka properties are
 * strings. Error messages carry line, column and SnakeYAML's description of the problem, but not
 * its full message nor the exception as cause: those quote the offending line, which may hold a
 * password.
 */
final class ClusterYamlReader {

    private static final String ROOT_KEY = "config";
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String source;

    private ClusterYamlReader(String source) {
        this.source = source;
    }

    static List<ClusterConfig> read(String yaml, String source) {
        ClusterYamlReader reader = new ClusterYamlReader(source);
        try (JsonParser parser = YAML.createParser(yaml)) {
            return reader.readDocument(parser);
        } catch (JsonProcessingException e) {
            throw ClusterConfigException.forSource(source, "invalid YAML" + at(e.getLocation()) + problem(e), null);
        } catch (IOException e) {
            throw ClusterConfigException.forSource(source, "cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private List<ClusterConfig> readDocument(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw sourceError("expected a mapping with the key '" + ROOT_KEY + "'");
        }
        List<ClusterConfig> clusters = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (!ROOT_KEY.equals(key)) {
                throw sourceError("unknown top-level key '" + key + "' (expected '" + ROOT_KEY + "')");
            }
            if (clusters != null) {
                throw duplicate(parser, key);
            }
            clusters = readClusters(parser);
        }
        if (clusters == null) {
            throw sourceError("missing the top-level key '" + ROOT_KEY + "'");
        }
        return clusters;
    }

    private List<ClusterConfig> readClusters(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw sourceError("'" + ROOT_KEY + "' must be a mapping of cluster name to properties");
        }
        List<ClusterConfig> clusters = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (clusters.stream().anyMatch(cluster -> cluster.name().equals(name))) {
                throw duplicate(parser, name);
            }
            clusters.add(ClusterConfig.fromKeys(name, readProperties(parser, name)));
        }
        return clusters;
    }

    private Map<String, String> readProperties(JsonParser parser, String cluster) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new ClusterConfigException(cluster, ClusterConfig.BOOTSTRAP_SERVERS_KEY,
                    "missing: the cluster must be a mapping of Kafka properties (in " + source + ")");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (properties.containsKey(key)) {
                throw duplicate(parser, key);
            }
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                throw new ClusterConfigException(cluster, key, "has no value (in " + source + ")");
            }
            if (!value.isScalarValue()) {
                throw new ClusterConfigException(cluster, key,
                        "must be a string, number or boolean, not a " + (value == JsonToken.START_ARRAY ? "list" : "mapping")
                                + " (in " + source + ")");
            }
            properties.put(key, parser.getText());
        }
        return properties;
    }

    /** YAML keeps the last of duplicate keys silently; here a duplicate is more likely a mistake. */
    private ClusterConfigException duplicate(JsonParser parser, String key) {
        return sourceError("duplicate key '" + key + "'" + at(parser.currentTokenLocation()));
    }

    private ClusterConfigException sourceError(String problem) {
        return ClusterConfigException.forSource(source, problem, null);
    }

    /** SnakeYAML's description of the problem without the quoted source line it usually appends. */
    private static String problem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            return ": " + (yaml.getContext() == null ? "" : yaml.getContext() + ", ") + yaml.getProblem();
        }
        return " (" + e.getClass().getSimpleName() + ")";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
