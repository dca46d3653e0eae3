package io.kafkafailover.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed's two ways of declaring the same clusters must give the same model. */
class SeedConfigurationTest {

    static final String MAIN_JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"primary-key\" password=\"primary-secret\";";
    static final String FAILOVER_JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"secondary-key\" password=\"secondary-secret\";";

    static final Map<String, String> SEED_ENV = Map.ofEntries(
            Map.entry("KAFKA_MAIN_BOOTSTRAP_SERVERS", "primary:9092"),
            Map.entry("KAFKA_MAIN_SECURITY_PROTOCOL", "SASL_SSL"),
            Map.entry("KAFKA_MAIN_SASL_MECHANISM", "PLAIN"),
            Map.entry("KAFKA_MAIN_SASL_JAAS_CONFIG", MAIN_JAAS),
            Map.entry("KAFKA_FAILOVER_BOOTSTRAP_SERVERS", "secondary:9092"),
            Map.entry("KAFKA_FAILOVER_SECURITY_PROTOCOL", "SASL_SSL"),
            Map.entry("KAFKA_FAILOVER_SASL_MECHANISM", "PLAIN"),
            Map.entry("KAFKA_FAILOVER_SASL_JAAS_CONFIG", FAILOVER_JAAS),
            Map.entry("KAFKA_FAILOVER_GATEWAY_ROLES", "failover"),
            // a container's usual neighbours, which are not clusters
            Map.entry("KAFKA_HEAP_OPTS", "-Xmx1g"),
            Map.entry("KAFKA_OPTS", "-Dfoo=bar"),
            Map.entry("PATH", "/usr/bin"));

    static Path seedFile() throws URISyntaxException {
        return Path.of(SeedConfigurationTest.class.getResource("/seed/cluster-config.yaml").toURI());
    }

    @Test
    void fileAndEnvironmentFormsGiveEqualModels() throws Exception {
        ClusterConfigs fromFile = ClusterConfigLoader.fromFile(seedFile());
        ClusterConfigs fromEnv = ClusterConfigLoader.fromEnvironment(SEED_ENV, "KAFKA_");

        assertThat(fromEnv).isEqualTo(fromFile);
        assertThat(fromEnv.hashCode()).isEqualTo(fromFile.hashCode());
    }

    @Test
    void seedFileReadsAsWritten() throws Exception {
        ClusterConfigs clusters = ClusterConfigLoader.fromFile(seedFile());

        assertThat(clusters.names()).containsExactly("main", "failover");
        assertThat(clusters.main().roles()).isEmpty();
        assertThat(clusters.main().properties()).containsExactly(
                Map.entry("bootstrap.servers", "primary:9092"),
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "PLAIN"),
                Map.entry("sasl.jaas.config", MAIN_JAAS));
        ClusterConfig failover = clusters.get("failover").orElseThrow();
        assertThat(failover.roles()).isEqualTo(Set.of("failover"));
        assertThat(failover.properties()).doesNotContainKey("gateway.roles");
        assertThat(failover.properties().get("sasl.jaas.config")).isEqualTo(FAILOVER_JAAS);
        assertThat(clusters.failovers()).containsExactly(failover);
    }

    @Test
    void environmentFormIgnoresVariablesThatAreNotClusters() {
        ClusterConfigs clusters = ClusterConfigLoader.fromEnvironment(SEED_ENV, "KAFKA_");

        assertThat(clusters.names()).containsExactlyInAnyOrder("main", "failover");
        assertThat(clusters.all().get(0).name()).isEqualTo("main");
        assertThat(clusters.get("heap")).isEmpty();
        assertThat(clusters.get("opts")).isEmpty();
    }

    @Test
    void selectorPicksTheFileOrTheEnvironment() throws Exception {
        ClusterConfigs viaFile = ClusterConfigLoader.fromSelector("file : { path: " + seedFile() + "}", Map.of());
        ClusterConfigs viaEnv = ClusterConfigLoader.fromSelector("env : { prefix : KAFKA_}", SEED_ENV);
        ClusterConfigs viaDefault = ClusterConfigLoader.fromSelector(null, SEED_ENV);

        assertThat(viaFile).isEqualTo(viaEnv).isEqualTo(viaDefault);
        assertThat(viaFile.failovers()).extracting(ClusterConfig::name).isEqualTo(List.of("failover"));
    }
}
