package io.kafkafailover.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkafailover.gateway.config.GatewayConfigException;
import io.kafkafailover.gateway.config.UserList;
import org.apache.kafka.common.security.authenticator.CredentialCache;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramCredentialUtils;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The users clients log in to the gateway as ({@value #KEY}), each stored as Kafka stores SCRAM
 * users: per mechanism a random salt, an iteration count, and the stored and server keys derived
 * from the password ({@link ScramCredentialUtils} format). No password is kept, so the same entry
 * serves SCRAM (Kafka's own {@code ScramSaslServer} checks the proof) and PLAIN (the password a
 * client sends is salted and hashed the same way and compared in constant time).
 *
 * <pre>
 * - {username: alice, scram-sha-256: "salt=...,stored_key=...,server_key=...,iterations=8192",
 *                     scram-sha-512: "salt=...,stored_key=...,server_key=...,iterations=8192"}
 * </pre>
 * {@code hash-password} ({@link PasswordHashCommand}) writes such an entry.
 */
public final class SaslUsers {
    public static final String KEY = "GATEWAY_SASL_USERS";
    public static final int DEFAULT_ITERATIONS = 8192;
    /** PLAIN checks against the strongest credential a user has. */
    private static final List<ScramMechanism> PLAIN_PREFERENCE = List.of(ScramMechanism.SCRAM_SHA_512, ScramMechanism.SCRAM_SHA_256);
    /** Unknown users cost as much to check as known ones, so timing does not tell who exists. */
    private static final ScramCredential DECOY = decoy();

    private final Map<ScramMechanism, CredentialCache.Cache<ScramCredential>> caches;
    private final List<String> usernames;

    private SaslUsers(Map<ScramMechanism, CredentialCache.Cache<ScramCredential>> caches, List<String> usernames) {
        this.caches = caches;
        this.usernames = List.copyOf(usernames);
    }

    public static SaslUsers none() {
        return new SaslUsers(emptyCaches(), List.of());
    }

    /** Parses the setting (YAML or JSON list); errors name the entry and key, never a credential. */
    public static SaslUsers parse(String value) {
        Map<ScramMechanism, CredentialCache.Cache<ScramCredential>> caches = emptyCaches();
        List<String> usernames = new ArrayList<>();
        for (JsonNode entry : UserList.parse(KEY, value, "the entries 'hash-password' prints")) {
            String username = entry.get("username").asText();
            if (usernames.contains(username)) {
                throw new GatewayConfigException(KEY, "user '" + username + "' is listed twice");
            }
            boolean any = false;
            for (Iterator<String> fields = entry.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (field.equals("username")) {
                    continue;
                }
                ScramMechanism mechanism = ScramMechanism.forMechanismName(field.toUpperCase(Locale.ROOT));
                if (mechanism == null) {
                    throw new GatewayConfigException(KEY, "user '" + username + "': unknown key '" + field
                            + "' (expected scram-sha-256 and/or scram-sha-512; passwords are never stored, see hash-password)");
                }
                caches.get(mechanism).put(username, credential(username, field, entry.get(field).asText(""), mechanism));
                any = true;
            }
            if (!any) {
                throw new GatewayConfigException(KEY, "user '" + username + "' has no scram-sha-256 or scram-sha-512 credential");
            }
            usernames.add(username);
        }
        return new SaslUsers(caches, usernames);
    }

    /** One entry for {@value #KEY}, with a fresh salt for each mechanism. */
    public static String entry(String username, String password, int iterations) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("username", username);
        for (ScramMechanism mechanism : List.of(ScramMechanism.SCRAM_SHA_256, ScramMechanism.SCRAM_SHA_512)) {
            if (iterations < mechanism.minIterations() || iterations > mechanism.maxIterations()) {
                throw new IllegalArgumentException("iterations must be between " + mechanism.minIterations()
                        + " and " + mechanism.maxIterations() + ", was " + iterations);
            }
            entry.put(mechanism.mechanismName().toLowerCase(Locale.ROOT),
                    ScramCredentialUtils.credentialToString(newFormatter(mechanism).generateCredential(password, iterations)));
        }
        try {
            return "- " + new ObjectMapper().writeValueAsString(entry);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a user entry", e);
        }
    }

    public boolean isEmpty() {
        return usernames.isEmpty();
    }

    public List<String> usernames() {
        return usernames;
    }

    /** The credentials Kafka's {@code ScramServerCallbackHandler} looks users up in. */
    CredentialCache.Cache<ScramCredential> scramCredentials(ScramMechanism mechanism) {
        return caches.get(mechanism);
    }

    /**
     * Checks a PLAIN login: derives the stored key from {@code password} with the user's salt and
     * iterations, as SCRAM does, and compares in constant time. Costs one PBKDF2 run, known user or not.
     */
    public boolean verifyPlain(String username, char[] password) {
        Optional<Map.Entry<ScramMechanism, ScramCredential>> found = PLAIN_PREFERENCE.stream()
                .filter(mechanism -> caches.get(mechanism).get(username) != null)
                .map(mechanism -> Map.entry(mechanism, caches.get(mechanism).get(username)))
                .findFirst();
        ScramMechanism mechanism = found.map(Map.Entry::getKey).orElse(ScramMechanism.SCRAM_SHA_512);
        ScramCredential credential = found.map(Map.Entry::getValue).orElse(DECOY);
        try {
            ScramFormatter formatter = newFormatter(mechanism);
            byte[] salted = formatter.saltedPassword(new String(password), credential.salt(), credential.iterations());
            byte[] storedKey = formatter.storedKey(formatter.clientKey(salted));
            return MessageDigest.isEqual(storedKey, credential.storedKey()) & found.isPresent();
        } catch (InvalidKeyException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SaslUsers" + usernames;
    }

    private static ScramCredential credential(String username, String field, String text, ScramMechanism mechanism) {
        ScramCredential credential;
        try {
            credential = ScramCredentialUtils.credentialFromString(text);
        } catch (RuntimeException e) {
            // Kafka's message repeats the value; the salted keys are not the password, but stay out of logs anyway.
            throw new GatewayConfigException(KEY, "user '" + username + "', " + field
                    + ": not a credential of the form salt=...,stored_key=...,server_key=...,iterations=N");
        }
        int iterations = credential.iterations();
        if (iterations < mechanism.minIterations() || iterations > mechanism.maxIterations()) {
            throw new GatewayConfigException(KEY, "user '" + username + "', " + field + ": iterations must be between "
                    + mechanism.minIterations() + " and " + mechanism.maxIterations() + ", was " + iterations);
        }
        return credential;
    }

    private static ScramCredential decoy() {
        ScramFormatter formatter = newFormatter(ScramMechanism.SCRAM_SHA_512);
        return formatter.generateCredential(formatter.secureRandomString(), DEFAULT_ITERATIONS);
    }

    private static Map<ScramMechanism, CredentialCache.Cache<ScramCredential>> emptyCaches() {
        Map<ScramMechanism, CredentialCache.Cache<ScramCredential>> caches = new LinkedHashMap<>();
        for (ScramMechanism mechanism : ScramMechanism.values()) {
            caches.put(mechanism, new CredentialCache.Cache<>(ScramCredential.class));
        }
        return caches;
    }

    private static ScramFormatter newFormatter(ScramMechanism mechanism) {
        try {
            return new ScramFormatter(mechanism);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + mechanism.hashAlgorithm(), e);
        }
    }
}
