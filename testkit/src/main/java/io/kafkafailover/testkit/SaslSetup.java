package io.kafkafailover.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.common.security.plain.PlainLoginModule;
import org.apache.kafka.common.security.scram.ScramLoginModule;

/**
 * The SASL side of a test cluster's client listener: one mechanism and the users that may log in.
 *
 * <p>The admin user is the one the testkit itself connects with ({@link KafkaCluster#admin()},
 * {@link KafkaCluster#adminClientProperties()}); it becomes a super user when the cluster runs an
 * ACL authorizer. Immutable: {@link #withUser} returns a copy.
 */
public final class SaslSetup {

    public static final String PLAIN = "PLAIN";

    private final String mechanism;
    private final String adminUsername;
    private final Map<String, String> passwordsByUser;

    private SaslSetup(String mechanism, String adminUsername, Map<String, String> passwordsByUser) {
        this.mechanism = mechanism;
        this.adminUsername = adminUsername;
        this.passwordsByUser = Collections.unmodifiableMap(new LinkedHashMap<>(passwordsByUser));
    }

    public static SaslSetup plain(String adminUsername, String adminPassword) {
        return of(PLAIN, adminUsername, adminPassword);
    }

    public static SaslSetup scramSha256(String adminUsername, String adminPassword) {
        return of(ScramMechanism.SCRAM_SHA_256.mechanismName(), adminUsername, adminPassword);
    }

    public static SaslSetup scramSha512(String adminUsername, String adminPassword) {
        return of(ScramMechanism.SCRAM_SHA_512.mechanismName(), adminUsername, adminPassword);
    }

    /** @param mechanism {@code PLAIN}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512} */
    public static SaslSetup of(String mechanism, String adminUsername, String adminPassword) {
        if (!PLAIN.equals(mechanism) && ScramMechanism.fromMechanismName(mechanism) == ScramMechanism.UNKNOWN) {
            throw new IllegalArgumentException("Unsupported SASL mechanism " + mechanism
                    + " (use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)");
        }
        checkCredential(adminUsername, adminPassword);
        return new SaslSetup(mechanism, adminUsername, Map.of(adminUsername, adminPassword));
    }

    public SaslSetup withUser(String username, String password) {
        checkCredential(username, password);
        Map<String, String> users = new LinkedHashMap<>(passwordsByUser);
        users.put(username, password);
        return new SaslSetup(mechanism, adminUsername, users);
    }

    public String mechanism() {
        return mechanism;
    }

    /** Present for SCRAM-SHA-256/512, whose users live in the cluster metadata instead of the JAAS config. */
    public Optional<ScramMechanism> scramMechanism() {
        return PLAIN.equals(mechanism) ? Optional.empty() : Optional.of(ScramMechanism.fromMechanismName(mechanism));
    }

    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return passwordsByUser.get(adminUsername);
    }

    /** All users including the admin, in insertion order. */
    public Map<String, String> users() {
        return passwordsByUser;
    }

    public String password(String username) {
        String password = passwordsByUser.get(username);
        if (password == null) {
            throw new IllegalArgumentException("No SASL user " + username);
        }
        return password;
    }

    /** The {@code sasl.jaas.config} a client of this mechanism logs in with. */
    public String clientJaasConfig(String username, String password) {
        return clientJaasConfig(mechanism, username, password);
    }

    public static String clientJaasConfig(String mechanism, String username, String password) {
        String loginModule = PLAIN.equals(mechanism) ? PlainLoginModule.class.getName() : ScramLoginModule.class.getName();
        return loginModule + " required username=\"" + username + "\" password=\"" + password + "\";";
    }

    /** The broker-side JAAS config of the client listener; PLAIN brokers keep their users here. */
    String brokerJaasConfig() {
        if (!PLAIN.equals(mechanism)) {
            return ScramLoginModule.class.getName() + " required;";
        }
        StringBuilder jaas = new StringBuilder(PlainLoginModule.class.getName()).append(" required");
        passwordsByUser.forEach((user, password) ->
                jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
        return jaas.append(';').toString();
    }

    private static void checkCredential(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        // JAAS options are quoted strings and PLAIN users become option names: keep both parseable.
        if (!username.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("SASL username must match [A-Za-z0-9._-]+: " + username);
        }
        if (password.isEmpty() || password.contains("\"") || password.contains("\\")) {
            throw new IllegalArgumentException("SASL password of " + username + " must be non-empty without quotes or backslashes");
        }
    }

    @Override
    public String toString() {
        // Never print passwords: test reports and logs are kept.
        return "SaslSetup{" + mechanism + ", admin=" + adminUsername + ", users=" + passwordsByUser.keySet() + '}';
    }
}
