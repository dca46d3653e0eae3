package io.kafkafailover.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkafailover.config.ClusterConfigSelector.FromEnvironment;
import io.kafkafailover.config.ClusterConfigSelector.FromFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterConfigSelectorTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "file : { path: /cluster-config.yaml}",
            "file: {path: /cluster-config.yaml}",
            "  file :   {   path :   /cluster-config.yaml   }  ",
            "file: {path: \"/cluster-config.yaml\"}",
            "{file: {path: /cluster-config.yaml}}",
            "file:\n  path: /cluster-config.yaml\n"})
    void fileForm(String selector) {
        assertThat(ClusterConfigSelector.parse(selector)).isEqualTo(new FromFile(Path.of("/cluster-config.yaml")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"env : { prefix : KAFKA_}", "env: {prefix: KAFKA_}", " env :  {prefix:   KAFKA_ } ", "env : { prefix : 'KAFKA_'}"})
    void envForm(String selector) {
        assertThat(ClusterConfigSelector.parse(selector)).isEqualTo(new FromEnvironment("KAFKA_"));
    }

    @Test
    void envFormWithOtherPrefixOrNone() {
        assertThat(ClusterConfigSelector.parse("env : { prefix : BACKEND_}")).isEqualTo(new FromEnvironment("BACKEND_"));
        assertThat(ClusterConfigSelector.parse("env : {}")).isEqualTo(new FromEnvironment("KAFKA_"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void blankMeansEnvironmentWithKafkaPrefix(String selector) {
        assertThat(ClusterConfigSelector.parse(selector)).isEqualTo(new FromEnvironment("KAFKA_"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "file : { path: /cluster-config.yaml",   // unclosed
            "file",                                   // a scalar
            "consul : { key: x }",                    // unknown source
            "file : { path: }",                       // no path
            "file : { pth: /cluster-config.yaml }",   // misspelt option
            "file : /cluster-config.yaml",            // options not a mapping
            "file : { path: /a }\nenv : {}",          // two sources
            "[file, env]"})
    void junkIsRejectedNamingTheVariable(String selector) {
        assertThatThrownBy(() -> ClusterConfigSelector.parse(selector))
                .isInstanceOfSatisfying(ClusterConfigException.class, e -> {
                    assertThat(e.key()).contains("GATEWAY_BACKEND_KAFKA_SELECTOR");
                    assertThat(e.cluster()).isEmpty();
                })
                .hasMessageStartingWith("key 'GATEWAY_BACKEND_KAFKA_SELECTOR': cannot use '" + selector + "': ");
    }

    @Test
    void missingSpaceAfterColonIsNotYamlAndSaysSo() {
        assertThatThrownBy(() -> ClusterConfigSelector.parse("file:{path: /cluster-config.yaml}"))
                .hasMessageEndingWith("(YAML needs a space after ':')");
        assertThatThrownBy(() -> ClusterConfigSelector.parse("env : {prefix:KAFKA_}"))
                .hasMessageEndingWith("unknown option 'prefix:KAFKA_' (allowed: [prefix]) (YAML needs a space after ':')");
    }

    @Test
    void loaderReportsBadSelectorsToo() {
        assertThatThrownBy(() -> ClusterConfigLoader.fromSelector("vault : {}", Map.of()))
                .hasMessage("key 'GATEWAY_BACKEND_KAFKA_SELECTOR': cannot use 'vault : {}':"
                        + " unknown source 'vault', expected 'file' or 'env'");
    }
}
