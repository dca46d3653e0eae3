package io.kafkafailover.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigLoaderTest {

    @Test
    void scalarsKeepTheTextAsWritten() {
        ClusterConfigs clusters = ClusterConfigLoader.fromYaml("""
                config:
                  main:
                    bootstrap.servers: localhost:9092
                    gateway.node.id.base: 100
                    retries: 0010
                    some.ratio: 0.10
                    enable.idempotence: true
                    client.id: "quoted: value"
                """, "test");

        assertThat(clusters.main().properties()).containsExactly(
                Map.entry("bootstrap.servers", "localhost:9092"),
                Map.entry("gateway.node.id.base", "100"),
                Map.entry("retries", "0010"),
                Map.entry("some.ratio", "0.10"),
                Map.entry("enable.idempotence", "true"),
                Map.entry("client.id", "quoted: value"));
        assertThat(clusters.main().nodeIdBase()).isEqualTo(100);
    }

    @Test
    void clustersKeepDeclarationOrderWithMainFirst() {
        ClusterConfigs clusters = ClusterConfigLoader.fromYaml("""
                config:
                  dr-west: {bootstrap.servers: "w:9092", gateway.roles: failover}
                  main: {bootstrap.servers: "m:9092"}
                  dr-east: {bootstrap.servers: "e:9092", gateway.roles: failover}
                  audit: {bootstrap.servers: "a:9092"}
                """, "test");

        assertThat(clusters.names()).containsExactly("main", "dr-west", "dr-east", "audit");
        assertThat(clusters.failovers()).extracting(ClusterConfig::name).containsExactly("dr-west", "dr-east");
    }

    @Test
    void environmentPropertyNamesAreLowerCasedWithDots() {
        ClusterConfigs clusters = ClusterConfigLoader.fromEnvironment(Map.of(
                "GW_MAIN_BOOTSTRAP_SERVERS", "m1:9092, m2:9092",
                "GW_MAIN_SASL_JAAS_CONFIG", "jaas",
                "GW_MAIN_GATEWAY_NODE_ID_BASE", "1000",
                "GW_DR_BOOTSTRAP_SERVERS", "d:9092",
                "GW_DR_GATEWAY_ROLES", "failover",
                "KAFKA_MAIN_BOOTSTRAP_SERVERS", "other-prefix:9092"), "GW_");

        ClusterConfig main = clusters.main();
        assertThat(main.bootstrapAddresses()).containsExactly("m1:9092", "m2:9092");
        assertThat(main.properties()).containsEntry("sasl.jaas.config", "jaas");
        assertThat(main.nodeIdBase()).isEqualTo(1000);
        assertThat(clusters.get("dr").orElseThrow().hasRole("failover")).isTrue();
    }

    @Test
    void environmentWithoutMainNamesTheMissingKey() {
        assertThatThrownBy(() -> ClusterConfigLoader.fromEnvironment(Map.of(
                "KAFKA_FAILOVER_BOOTSTRAP_SERVERS", "d:9092",
                "KAFKA_MAIN_SECURITY_PROTOCOL", "SSL"), "KAFKA_"))
                .isInstanceOf(ClusterConfigException.class)
                .hasMessageStartingWith("cluster 'main', key 'bootstrap.servers': missing")
                .hasMessageContaining("[failover]");
    }

    @Test
    void unreadableFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> ClusterConfigLoader.fromFile(missing))
                .isInstanceOf(ClusterConfigException.class)
                .hasMessageStartingWith(missing + ": cannot read")
                .hasMessageContaining("NoSuchFileException");
    }

    @Test
    void brokenYamlNamesTheFileAndLineButNotTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cluster-config.yaml");
        Files.writeString(file, """
                config:
                  main:
                    bootstrap.servers: m:9092
                    sasl.jaas.config: "PlainLoginModule required password=\\"s3cr3t\\";
                    sasl.mechanism: [PLAIN
                """);

        assertThatThrownBy(() -> ClusterConfigLoader.fromFile(file))
                .isInstanceOf(ClusterConfigException.class)
                .hasMessage(file + ": invalid YAML at line 4, column 21: while scanning a quoted scalar,"
                        + " found unexpected end of stream")
                .hasMessageNotContaining("s3cr3t")
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThatThrownBy(() -> ClusterConfigLoader.fromYaml("""
                config:
                  main:
                    bootstrap.servers: m:9092
                    bootstrap.servers: n:9092
                """, "dup.yaml"))
                .isInstanceOf(ClusterConfigException.class)
                .hasMessageStartingWith("dup.yaml: duplicate key 'bootstrap.servers' at line 4");
    }

    @Test
    void structureErrorsNameTheSource() {
        assertThatThrownBy(() -> ClusterConfigLoader.fromYaml("clusters: {}", "a.yaml"))
                .hasMessage("a.yaml: unknown top-level key 'clusters' (expected 'config')");
        assertThatThrownBy(() -> ClusterConfigLoader.fromYaml("", "b.yaml"))
                .hasMessage("b.yaml: expected a mapping with the key 'config'");
        assertThatThrownBy(() -> ClusterConfigLoader.fromYaml("config: [main]", "c.yaml"))
                .hasMessage("c.yaml: 'config' must be a mapping of cluster name to properties");
    }

    @Test
    void nonScalarOrEmptyValuesNameClusterAndKey() {
        assertThatThrownBy(() -> ClusterConfigLoader.fromYaml("""
                config:
                  main:
                    bootstrap.servers: [m:9092]
                """, "a.yaml"))
                .hasMessage("cluster 'main', key 'bootstrap.servers': must be a string, number or boolean,"
                        + " not a list (in a.yaml)");
        assertThatThrownBy(() -> ClusterConfigLoader.fromYaml("""
                config:
                  main:
                    bootstrap.servers: m:9092
                    ssl.truststore.password:
                """, "b.yaml"))
                .hasMessage("cluster 'main', key 'ssl.truststore.password': has no value (in b.yaml)");
        assertThatThrownBy(() -> ClusterConfigLoader.fromYaml("""
                config:
                  main:
                """, "c.yaml"))
                .hasMessageStartingWith("cluster 'main', key 'bootstrap.servers': missing");
    }
}
