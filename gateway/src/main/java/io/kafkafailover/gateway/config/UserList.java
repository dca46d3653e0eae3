package io.kafkafailover.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * A setting that lists users, in Conduktor's form: a YAML (or JSON, its subset) list of mappings,
 * each with a {@code username}. Errors name the setting and the entry, never a credential.
 */
public final class UserList {
    private UserList() {
    }

    /** The entries, each with a non-blank {@code username}. */
    public static List<JsonNode> parse(String key, String value, String example) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(value);
        } catch (Exception e) {
            throw new GatewayConfigException(key, "not a YAML or JSON list of users");
        }
        if (root == null || !root.isArray()) {
            throw new GatewayConfigException(key, "must be a list such as " + example);
        }
        List<JsonNode> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            if (entry.path("username").asText("").isBlank()) {
                throw new GatewayConfigException(key, "entry " + i + " has no username");
            }
            entries.add(entry);
        }
        return entries;
    }
}
