package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.testing.TestGateways;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every password the tests hand out, so that {@link NoSecretsInLogs} can check that none of them
 * ever shows up in a log line. Passwords are random, so a match cannot be a coincidence.
 */
public final class TestSecrets {
    private static final Map<String, String> PURPOSE_BY_SECRET = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        register(TestGateways.ADMIN_PASSWORD, "the admin API password of test gateways");
    }

    private TestSecrets() {
    }

    /** A fresh password, registered; {@code purpose} names it in failure messages instead of its value. */
    public static String newPassword(String purpose) {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return register(purpose.replaceAll("[^A-Za-z0-9]", "") + "-" + HexFormat.of().formatHex(bytes), purpose);
    }

    /** Registers a secret made elsewhere (a generated keystore password, say). */
    public static String register(String secret, String purpose) {
        PURPOSE_BY_SECRET.putIfAbsent(secret, purpose);
        return secret;
    }

    static Map<String, String> all() {
        return Map.copyOf(PURPOSE_BY_SECRET);
    }
}
