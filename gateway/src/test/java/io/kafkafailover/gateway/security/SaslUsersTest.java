package io.kafkafailover.gateway.security;

import io.kafkafailover.gateway.config.GatewayConfigException;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaslUsersTest {
    private static final String PASSWORD = TestSecrets.newPassword("hashed user password");

    @Test
    void anEntryHoldsSaltedScramCredentialsAndNoPassword() throws Exception {
        String entry = SaslUsers.entry("bob", PASSWORD, 4096);

        assertThat(entry).startsWith("- {\"username\":\"bob\",\"scram-sha-256\":\"salt=").contains("\"scram-sha-512\":\"salt=")
                .doesNotContain(PASSWORD);
        SaslUsers users = SaslUsers.parse(entry);
        assertThat(users.usernames()).containsExactly("bob");
        // The stored key is the one SCRAM derives from the password with that salt and count.
        for (ScramMechanism mechanism : ScramMechanism.values()) {
            ScramCredential stored = users.scramCredentials(mechanism).get("bob");
            ScramFormatter formatter = new ScramFormatter(mechanism);
            byte[] salted = formatter.saltedPassword(PASSWORD, stored.salt(), stored.iterations());
            assertThat(formatter.storedKey(formatter.clientKey(salted))).isEqualTo(stored.storedKey());
            assertThat(stored.iterations()).isEqualTo(4096);
        }
    }

    @Test
    void twoEntriesForOnePasswordHaveDifferentSalts() {
        assertThat(SaslUsers.entry("bob", PASSWORD, 4096)).isNotEqualTo(SaslUsers.entry("bob", PASSWORD, 4096));
    }

    @Test
    void plainLoginsAreCheckedAgainstTheSaltedCredential() {
        SaslUsers users = SaslUsers.parse(SaslUsers.entry("bob", PASSWORD, 4096) + "\n" + SaslUsers.entry("carol", "other", 4096));

        assertThat(users.verifyPlain("bob", PASSWORD.toCharArray())).isTrue();
        assertThat(users.verifyPlain("bob", (PASSWORD + "x").toCharArray())).isFalse();
        assertThat(users.verifyPlain("carol", PASSWORD.toCharArray())).isFalse();
        assertThat(users.verifyPlain("nobody", PASSWORD.toCharArray())).isFalse();
    }

    @Test
    void anEntryWithOnlyOneMechanismServesPlainFromIt() {
        String onlySha256 = SaslUsers.entry("bob", PASSWORD, 4096).replaceAll(",\"scram-sha-512\":\"[^\"]*\"", "");
        SaslUsers users = SaslUsers.parse(onlySha256);

        assertThat(users.scramCredentials(ScramMechanism.SCRAM_SHA_512).get("bob")).isNull();
        assertThat(users.verifyPlain("bob", PASSWORD.toCharArray())).isTrue();
    }

    @Test
    void malformedEntriesAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> SaslUsers.parse("[{username: bob, password: " + PASSWORD + "}]"))
                .isInstanceOf(GatewayConfigException.class).hasMessageContaining("unknown key 'password'")
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> SaslUsers.parse("[{username: bob, scram-sha-256: \"salt=abc," + PASSWORD + "\"}]"))
                .isInstanceOf(GatewayConfigException.class).hasMessageContaining("user 'bob', scram-sha-256")
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> SaslUsers.parse("[{scram-sha-256: x}]")).hasMessageContaining("entry 0 has no username");
        assertThatThrownBy(() -> SaslUsers.parse("[{username: bob}]")).hasMessageContaining("has no scram-sha-256 or scram-sha-512");
        String twice = SaslUsers.entry("bob", PASSWORD, 4096);
        assertThatThrownBy(() -> SaslUsers.parse(twice + "\n" + twice)).hasMessageContaining("'bob' is listed twice");
        assertThatThrownBy(() -> SaslUsers.entry("bob", PASSWORD, 1000)).hasMessageContaining("between 4096 and 16384");
    }

    @Test
    void theHashPasswordCommandReadsThePasswordFromStdinAndPrintsAnEntry() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = PasswordHashCommand.run(new String[]{"--iterations", "4096", "dave"}, null,
                new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain(PASSWORD);
        assertThat(SaslUsers.parse(printed).verifyPlain("dave", PASSWORD.toCharArray())).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theHashPasswordCommandExplainsItsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(PasswordHashCommand.run(new String[]{}, null, new ByteArrayInputStream(new byte[0]), out, errors)).isEqualTo(2);
        assertThat(PasswordHashCommand.run(new String[]{"erin"}, null, new ByteArrayInputStream(new byte[0]), out, errors)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: hash-password").contains("no password given");
    }
}
