package io.kafkafailover.gateway.config;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.config.ClusterConfigException;
import io.kafkafailover.gateway.admin.AdminUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the gateway makes of its environment: a bad configuration stops start-up with a message that
 * names the cluster and key (or the setting), and the seed's two ways of declaring clusters give
 * the same gateway.
 */
class GatewayConfigTest {
    private static final String MAIN_JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"primary-key\" password=\"primary-secret\";";
    private static final String FAILOVER_JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"secondary-key\" password=\"secondary-secret\";";
    private static final String SEED_USERS = "[{username: admin, password: conduktor, admin: true}]";

    /** The seed's environment form of its two clusters, with the neighbours a container has. */
    private static Map<String, String> seedEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_MAIN_BOOTSTRAP_SERVERS", "primary:9092");
        env.put("KAFKA_MAIN_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("KAFKA_MAIN_SASL_MECHANISM", "PLAIN");
        env.put("KAFKA_MAIN_SASL_JAAS_CONFIG", MAIN_JAAS);
        env.put("KAFKA_FAILOVER_BOOTSTRAP_SERVERS", "secondary:9092");
        env.put("KAFKA_FAILOVER_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("KAFKA_FAILOVER_SASL_MECHANISM", "PLAIN");
        env.put("KAFKA_FAILOVER_SASL_JAAS_CONFIG", FAILOVER_JAAS);
        env.put("KAFKA_FAILOVER_GATEWAY_ROLES", "failover");
        env.put("KAFKA_HEAP_OPTS", "-Xmx1g");
        env.put("GATEWAY_ADMIN_API_USERS", SEED_USERS);
        return env;
    }

    private static Path seedFile() throws URISyntaxException {
        return Path.of(GatewayConfigTest.class.getResource("/config/seed-cluster-config.yaml").toURI());
    }

    @Test
    void seedFileAndSeedEnvironmentGiveTheSameGateway() throws Exception {
        GatewayConfig fromEnv = GatewayConfig.fromEnvironment(seedEnvironment());
        GatewayConfig fromFile = GatewayConfig.fromEnvironment(Map.of(
                "GATEWAY_BACKEND_KAFKA_SELECTOR", "file : { path: " + seedFile() + "}",
                "GATEWAY_ADMIN_API_USERS", SEED_USERS));

        assertThat(fromFile.clusters()).isEqualTo(fromEnv.clusters());
        assertThat(fromFile).usingRecursiveComparison()
                .comparingOnlyFields("bindHost", "advertisedHost", "portStart", "portCount", "maxFrameBytes",
                        "httpBindHost", "httpPort", "activeClusterFile", "initialActiveCluster")
                .isEqualTo(fromEnv);
        assertThat(fromEnv.clusters().names()).containsExactly("main", "failover");
        assertThat(fromEnv.clusters().main().kafkaProperties()).containsEntry("sasl.jaas.config", MAIN_JAAS);
        assertThat(fromEnv.clusters().failovers()).extracting(ClusterConfig::name).containsExactly("failover");
        assertThat(fromEnv.initialActiveCluster()).isEqualTo("main");
        assertThat(fromEnv.portStart()).isEqualTo(GatewayConfig.DEFAULT_PORT_START);
        assertThat(fromEnv.httpPort()).isEqualTo(GatewayConfig.DEFAULT_HTTP_PORT);
        // credential holders have no value equality: compare them by what they accept
        for (GatewayConfig config : new GatewayConfig[] {fromEnv, fromFile}) {
            assertThat(config.adminUsers().authenticate("admin", "conduktor"))
                    .hasValue(new AdminUsers.Principal("admin", true));
            assertThat(config.adminUsers().authenticate("admin", "wrong")).isEmpty();
        }
    }

    @Test
    void noMainClusterIsRefused() {
        Map<String, String> env = seedEnvironment();
        env.keySet().removeIf(key -> key.startsWith("KAFKA_MAIN_"));

        assertRefused(env, ClusterConfigException.class, "cluster 'main', key 'bootstrap.servers'", "there must be a cluster named 'main'");
    }

    @Test
    void mainWithoutBootstrapServersIsRefusedInBothForms(@TempDir Path dir) throws Exception {
        Map<String, String> env = seedEnvironment();
        env.remove("KAFKA_MAIN_BOOTSTRAP_SERVERS");
        assertRefused(env, ClusterConfigException.class, "cluster 'main', key 'bootstrap.servers'", "missing");

        Path file = write(dir.resolve("clusters.yaml"), """
                config:
                  main:
                    security.protocol: PLAINTEXT
                  failover:
                    bootstrap.servers: secondary:9092
                    gateway.roles: failover
                """);
        assertRefused(Map.of("GATEWAY_BACKEND_KAFKA_SELECTOR", "file : { path: " + file + "}"),
                ClusterConfigException.class, "cluster 'main', key 'bootstrap.servers'", "missing");
    }

    @Test
    void unknownRoleIsRefused() {
        Map<String, String> env = seedEnvironment();
        env.put("KAFKA_FAILOVER_GATEWAY_ROLES", "standby");

        assertRefused(env, ClusterConfigException.class, "cluster 'failover', key 'gateway.roles'", "unknown role 'standby'");
    }

    @Test
    void unreadableClusterFileIsRefusedNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-cluster-config.yaml");

        assertRefused(Map.of("GATEWAY_BACKEND_KAFKA_SELECTOR", "file : { path: " + missing + "}"),
                ClusterConfigException.class, missing.toString(), "cannot read");
        assertRefused(Map.of("GATEWAY_BACKEND_KAFKA_SELECTOR", "file : { path: " + dir + "}"),
                ClusterConfigException.class, dir.toString(), "cannot read");
    }

    @Test
    void unparseableSelectorIsRefusedNamingTheVariable() {
        assertRefused(Map.of("GATEWAY_BACKEND_KAFKA_SELECTOR", "file : { path: /cluster-config.yaml"),
                ClusterConfigException.class, "GATEWAY_BACKEND_KAFKA_SELECTOR", "not a YAML mapping");
        assertRefused(Map.of("GATEWAY_BACKEND_KAFKA_SELECTOR", "file:{path: /cluster-config.yaml}"),
                ClusterConfigException.class, "GATEWAY_BACKEND_KAFKA_SELECTOR", "YAML needs a space after ':'");
        assertRefused(Map.of("GATEWAY_BACKEND_KAFKA_SELECTOR", "vault : { path: /secret }"),
                ClusterConfigException.class, "GATEWAY_BACKEND_KAFKA_SELECTOR", "unknown source 'vault'");
    }

    @Test
    void badPortStartIsRefused() {
        Map<String, String> env = seedEnvironment();
        env.put("GATEWAY_PORT_START", "six-nine");
        assertRefused(env, GatewayConfigException.class, "GATEWAY_PORT_START", "not a whole number: 'six-nine'");

        env.put("GATEWAY_PORT_START", "70000");
        assertRefused(env, GatewayConfigException.class, "GATEWAY_PORT_START", "between 1 and 65535");

        env.put("GATEWAY_PORT_START", "65530");
        assertRefused(env, GatewayConfigException.class, "GATEWAY_PORT_COUNT", "run past 65535");
    }

    @Test
    void zeroCopyIsOnUnlessTurnedOffAndTakesOnlyTrueOrFalse() {
        Map<String, String> env = seedEnvironment();
        assertThat(GatewayConfig.fromEnvironment(env).zeroCopy()).isTrue();
        env.put("GATEWAY_ZERO_COPY", "False");
        assertThat(GatewayConfig.fromEnvironment(env).zeroCopy()).isFalse();

        env.put("GATEWAY_ZERO_COPY", "no");
        assertRefused(env, GatewayConfigException.class, "GATEWAY_ZERO_COPY", "true or false, was 'no'");
    }

    @Test
    void activeClusterNamingNoClusterIsRefused() {
        Map<String, String> env = seedEnvironment();
        env.put("GATEWAY_ACTIVE_CLUSTER", "disaster-recovery");

        assertRefused(env, GatewayConfigException.class, "GATEWAY_ACTIVE_CLUSTER", "'disaster-recovery'");
    }

    @Test
    void badAdminUsersAreRefusedWithoutEchoingPasswords() {
        Map<String, String> env = seedEnvironment();
        env.put("GATEWAY_ADMIN_API_USERS", "[{username: admin, password: \"hunter2-unterminated}]");
        assertRefused(env, GatewayConfigException.class, "GATEWAY_ADMIN_API_USERS", "not a YAML or JSON list");

        env.put("GATEWAY_ADMIN_API_USERS", "{username: admin, password: hunter2-not-a-list}");
        assertRefused(env, GatewayConfigException.class, "GATEWAY_ADMIN_API_USERS", "must be a list");

        env.put("GATEWAY_ADMIN_API_USERS", "[{username: admin}]");
        assertRefused(env, GatewayConfigException.class, "GATEWAY_ADMIN_API_USERS", "user 'admin' has no password");

        env.put("GATEWAY_ADMIN_API_USERS", "[{password: hunter2-nameless}]");
        assertRefused(env, GatewayConfigException.class, "GATEWAY_ADMIN_API_USERS", "entry 0 has no username");
    }

    /**
     * The real entry point in its own JVM: a bad environment ends it with exit code 2 and one
     * readable line, not a stack trace, and without the secrets that were in the environment.
     */
    @Test
    void gatewayMainExitsWithCode2AndAMessageNamingClusterAndKey() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.kafkafailover.gateway.GatewayMain");
        builder.environment().clear();
        builder.environment().putAll(seedEnvironment());
        builder.environment().put("KAFKA_FAILOVER_GATEWAY_ROLES", "failover,standby");
        Process gateway = builder.start();
        gateway.getOutputStream().close();
        boolean exited = gateway.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            gateway.destroyForcibly();
        }
        String stdout = new String(gateway.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(gateway.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(exited).as("the gateway stopped by itself; stderr: %s", stderr).isTrue();
        assertThat(gateway.exitValue()).as("exit code; stderr: %s", stderr).isEqualTo(2);
        assertThat(stderr).contains("cluster 'failover', key 'gateway.roles'").contains("unknown role 'standby'");
        assertThat(stderr).doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(stdout + stderr).doesNotContain("primary-secret").doesNotContain("secondary-secret");
    }

    private static void assertRefused(Map<String, String> env, Class<? extends RuntimeException> type, String... parts) {
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(env))
                .isInstanceOf(type)
                .satisfies(e -> {
                    for (String part : parts) {
                        assertThat(e.getMessage()).contains(part);
                    }
                    for (String secret : Set.of("primary-secret", "secondary-secret", "conduktor", "hunter2")) {
                        assertThat(e.getMessage()).as("the message hides secrets").doesNotContain(secret);
                    }
                });
    }

    private static Path write(Path file, String content) throws Exception {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
