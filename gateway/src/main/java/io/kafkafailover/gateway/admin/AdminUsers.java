package io.kafkafailover.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkafailover.gateway.config.GatewayConfigException;
import io.kafkafailover.gateway.config.UserList;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The admin API's users, from {@code GATEWAY_ADMIN_API_USERS} in Conduktor's form
 * ({@code [{username: admin, password: conduktor, admin: true}]}, YAML or JSON). Passwords are
 * kept only as SHA-256 digests and compared in constant time.
 */
public final class AdminUsers {
    public static final String KEY = "GATEWAY_ADMIN_API_USERS";

    private record User(String username, byte[] passwordDigest, boolean admin) {
    }

    /** Who a request authenticated as. */
    public record Principal(String username, boolean admin) {
    }

    private final List<User> users;

    private AdminUsers(List<User> users) {
        this.users = users;
    }

    public static AdminUsers none() {
        return new AdminUsers(List.of());
    }

    /** Parses the setting; the error names the entry, never a password. YAML is a superset of JSON. */
    public static AdminUsers parse(String value) {
        List<User> users = new ArrayList<>();
        for (JsonNode entry : UserList.parse(KEY, value, "[{username: admin, password: secret, admin: true}]")) {
            String username = entry.get("username").asText();
            String password = text(entry, "password");
            if (password == null || password.isEmpty()) {
                throw new GatewayConfigException(KEY, "user '" + username + "' has no password");
            }
            users.add(new User(username, digest(password), entry.path("admin").asBoolean(false)));
        }
        return new AdminUsers(users);
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }

    /** Checks every user, whatever matches, so that timing tells nothing about who exists. */
    public Optional<Principal> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        byte[] nameDigest = digest(username);
        byte[] passwordDigest = digest(password);
        Principal found = null;
        for (User user : users) {
            boolean nameMatches = MessageDigest.isEqual(digest(user.username()), nameDigest);
            boolean passwordMatches = MessageDigest.isEqual(user.passwordDigest(), passwordDigest);
            if (nameMatches & passwordMatches & found == null) {
                found = new Principal(user.username(), user.admin());
            }
        }
        return Optional.ofNullable(found);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
