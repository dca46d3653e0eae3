package io.kafkafailover.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterConfigWriterTest {

    @Test
    void seedRoundTrips() throws Exception {
        ClusterConfigs seed = ClusterConfigLoader.fromFile(SeedConfigurationTest.seedFile());

        String yaml = ClusterConfigWriter.toYaml(seed);
        ClusterConfigs reread = ClusterConfigLoader.fromYaml(yaml, "written");

        assertThat(reread).isEqualTo(seed);
        assertThat(reread.names()).containsExactlyElementsOf(seed.names());
        assertThat(yaml).startsWith("config:\n  main:\n    bootstrap.servers: primary:9092\n")
                .contains("    gateway.roles: failover\n")
                .contains("    sasl.jaas.config: " + SeedConfigurationTest.MAIN_JAAS + "\n");
    }

    @Test
    void awkwardValuesRoundTripExactly() {
        Map<String, String> awkward = ClusterConfigTest.ordered(
                "bootstrap.servers", "m1:9092,m2:9092",
                "gateway.node.id.base", "100",
                "retries", "0010",
                "some.ratio", "0.10",
                "exponent", "1e3",
                "enable.idempotence", "true",
                "a.null.word", "null",
                "tilde", "~",
                "empty", "",
                "colon", "a: b",
                "hash", "#not a comment",
                "leading.space", "  x",
                "quotes", "'single' and \"double\"",
                "reference", "${file:/etc/secrets/main.properties:password}",
                "multi.line", "line one\nline two\n",
                "unicode", "pässwörd ✓",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"u\" password=\"p@ss:w#rd\";");
        ClusterConfigs clusters = new ClusterConfigs(List.of(
                ClusterConfig.fromKeys("main", awkward),
                ClusterConfig.fromKeys("dr", Map.of("bootstrap.servers", "d:9092", "gateway.roles", "failover"))));

        ClusterConfigs reread = ClusterConfigLoader.fromYaml(ClusterConfigWriter.toYaml(clusters), "written");

        assertThat(reread).isEqualTo(clusters);
        assertThat(reread.main().properties()).containsExactlyEntriesOf(clusters.main().properties());
    }
}
