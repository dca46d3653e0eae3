package io.kafkafailover.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every rule, with the message users will read when start-up stops. */
class ClusterConfigValidationTest {

    static final String SECRET = "hunter2-do-not-print";

    static ClusterConfigs load(String yaml) {
        return ClusterConfigLoader.fromYaml(yaml, "test.yaml");
    }

    static Stream<Arguments> invalidConfigurations() {
        return Stream.of(
                Arguments.of("no main", """
                        config:
                          failover: {bootstrap.servers: "f:9092", gateway.roles: failover}
                        """, "main", "bootstrap.servers",
                        "cluster 'main', key 'bootstrap.servers': missing: there must be a cluster named 'main' (clusters found: [failover])"),
                Arguments.of("bootstrap missing", """
                        config:
                          main: {bootstrap.servers: "m:9092"}
                          failover: {security.protocol: PLAINTEXT, gateway.roles: failover}
                        """, "failover", "bootstrap.servers",
                        "cluster 'failover', key 'bootstrap.servers': missing"),
                Arguments.of("bootstrap blank", """
                        config:
                          main: {bootstrap.servers: "  "}
                        """, "main", "bootstrap.servers",
                        "cluster 'main', key 'bootstrap.servers': missing"),
                Arguments.of("bootstrap only commas", """
                        config:
                          main: {bootstrap.servers: " , "}
                        """, "main", "bootstrap.servers",
                        "cluster 'main', key 'bootstrap.servers': missing"),
                Arguments.of("bootstrap without port", """
                        config:
                          main: {bootstrap.servers: "m1:9092,m2"}
                        """, "main", "bootstrap.servers",
                        "cluster 'main', key 'bootstrap.servers': 'm2' is not a host:port address"),
                Arguments.of("bootstrap port out of range", """
                        config:
                          main: {bootstrap.servers: "m1:70000"}
                        """, "main", "bootstrap.servers",
                        "cluster 'main', key 'bootstrap.servers': 'm1:70000' is not a host:port address"),
                Arguments.of("unknown role", """
                        config:
                          main: {bootstrap.servers: "m:9092"}
                          dr: {bootstrap.servers: "d:9092", gateway.roles: "failover, standby"}
                        """, "dr", "gateway.roles",
                        "cluster 'dr', key 'gateway.roles': unknown role 'standby' (known roles: [failover])"),
                Arguments.of("main with failover role", """
                        config:
                          main: {bootstrap.servers: "m:9092", gateway.roles: failover}
                        """, "main", "gateway.roles",
                        "cluster 'main', key 'gateway.roles': the main cluster cannot have the failover role;"
                                + " give it to the clusters main may switch to"),
                Arguments.of("negative node id base", """
                        config:
                          main: {bootstrap.servers: "m:9092", gateway.node.id.base: -1}
                        """, "main", "gateway.node.id.base",
                        "cluster 'main', key 'gateway.node.id.base': '-1' is not a non-negative integer"),
                Arguments.of("node id base not a number", """
                        config:
                          main: {bootstrap.servers: "m:9092", gateway.node.id.base: ten}
                        """, "main", "gateway.node.id.base",
                        "cluster 'main', key 'gateway.node.id.base': 'ten' is not a non-negative integer"),
                Arguments.of("node id base beyond int", """
                        config:
                          main: {bootstrap.servers: "m:9092", gateway.node.id.base: 3000000000}
                        """, "main", "gateway.node.id.base",
                        "cluster 'main', key 'gateway.node.id.base': '3000000000' is not a non-negative integer"),
                Arguments.of("upper-case cluster name", """
                        config:
                          main: {bootstrap.servers: "m:9092"}
                          DR: {bootstrap.servers: "d:9092"}
                        """, "DR", "name",
                        "cluster 'DR', key 'name': a cluster name must be at most 63 characters of lower-case"
                                + " letters, digits and '-', starting and ending with a letter or digit"),
                Arguments.of("cluster name ending in dash", """
                        config:
                          main: {bootstrap.servers: "m:9092"}
                          dr-: {bootstrap.servers: "d:9092"}
                        """, "dr-", "name", null),
                Arguments.of("unknown protocol", """
                        config:
                          main: {bootstrap.servers: "m:9092", security.protocol: TLS}
                        """, "main", "security.protocol",
                        "cluster 'main', key 'security.protocol': 'TLS' is not one of"
                                + " [PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL]"),
                Arguments.of("SASL without mechanism", """
                        config:
                          main: {bootstrap.servers: "m:9092", security.protocol: SASL_SSL}
                        """, "main", "sasl.mechanism",
                        "cluster 'main', key 'sasl.mechanism': missing: required with security.protocol SASL_SSL"),
                Arguments.of("SASL with blank mechanism", """
                        config:
                          main: {bootstrap.servers: "m:9092", security.protocol: sasl_plaintext, sasl.mechanism: " "}
                        """, "main", "sasl.mechanism",
                        "cluster 'main', key 'sasl.mechanism': missing: required with security.protocol SASL_PLAINTEXT"),
                Arguments.of("misspelt gateway key", """
                        config:
                          main: {bootstrap.servers: "m:9092", gateway.role: failover}
                        """, "main", "gateway.role",
                        "cluster 'main', key 'gateway.role': unknown gateway setting (known: [gateway.roles, gateway.node.id.base])"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigurations")
    void invalidConfigurationNamesClusterAndKey(String rule, String yaml, String cluster, String key, String message) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOfSatisfying(ClusterConfigException.class, e -> {
                    assertThat(e.cluster()).contains(cluster);
                    assertThat(e.key()).contains(key);
                    assertThat(e.getMessage()).startsWith("cluster '" + cluster + "', key '" + key + "': ");
                    if (message != null) {
                        assertThat(e.getMessage()).startsWith(message);
                    }
                });
    }

    @Test
    void errorsNeverEchoSecretsEvenWhenTheSecretIsInTheBrokenKey() {
        // a password pasted into the wrong place must not end up in the start-up error
        assertThatThrownBy(() -> load("""
                config:
                  main:
                    bootstrap.servers: m:9092
                    security.protocol: SASL_SSL
                    sasl.jaas.config: PlainLoginModule required username="u" password="%s";
                """.formatted(SECRET)))
                .hasMessageStartingWith("cluster 'main', key 'sasl.mechanism': missing")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> load("""
                config:
                  main:
                    bootstrap.servers: m:9092
                    gateway.password: %s
                """.formatted(SECRET)))
                .hasMessageStartingWith("cluster 'main', key 'gateway.password': unknown gateway setting")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void duplicateClustersInTheModelAreRejected() {
        ClusterConfig main = ClusterConfig.fromKeys("main", Map.of("bootstrap.servers", "m:9092"));

        assertThatThrownBy(() -> new ClusterConfigs(List.of(main, main)))
                .hasMessage("cluster 'main', key 'name': declared more than once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:9092", "10.0.0.1:9092", "[::1]:9092", "b-1.kafka.eu-west-1.amazonaws.com:9096",
            "a:1, b:65535", "${env:BOOTSTRAP}"})
    void acceptedBootstrapServers(String servers) {
        assertThatNoException().isThrownBy(() -> new ClusterConfigs(List.of(
                ClusterConfig.fromKeys("main", Map.of("bootstrap.servers", servers)))));
    }

    @Test
    void acceptsAllOtherRulesAndPassesKafkaPropertiesThrough() {
        ClusterConfigs clusters = load("""
                config:
                  main:
                    bootstrap.servers: m:9092
                    security.protocol: ${env:MAIN_PROTOCOL}
                    some.future.kafka.property: x
                  dr-1:
                    bootstrap.servers: d:9092
                    security.protocol: SSL
                    gateway.roles: failover
                    gateway.node.id.base: 1000
                  audit:
                    bootstrap.servers: a:9092
                """);

        assertThat(clusters.main().kafkaProperties()).containsEntry("some.future.kafka.property", "x");
        assertThat(clusters.failovers()).extracting(ClusterConfig::name).containsExactly("dr-1");
        assertThat(clusters.get("audit").orElseThrow().roles()).isEmpty();
    }
}
