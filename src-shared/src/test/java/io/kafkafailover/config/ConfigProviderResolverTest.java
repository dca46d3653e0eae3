package io.kafkafailover.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files and directories, Kafka's real providers; the env provider reads a given map or the real environment. */
class ConfigProviderResolverTest {

    @TempDir
    Path dir;

    ClusterConfigs raw(String mainProperties) {
        return ClusterConfigLoader.fromYaml("config:\n  main:\n    bootstrap.servers: m:9092\n"
                + mainProperties.indent(4), "test.yaml");
    }

    @Test
    void fileReferenceReadsAKeyOfAPropertiesFile() throws Exception {
        Path secrets = Files.writeString(dir.resolve("main.properties"), "password=pa55\nusername=alice\n");
        ClusterConfigs raw = raw("""
                security.protocol: SASL_SSL
                sasl.mechanism: PLAIN
                sasl.jaas.config: PlainLoginModule required username="${file:%1$s:username}" password="${file:%1$s:password}";
                """.formatted(secrets));

        ClusterConfigs resolved = ConfigProviderResolver.resolve(raw);

        assertThat(resolved.main().properties().get("sasl.jaas.config"))
                .isEqualTo("PlainLoginModule required username=\"alice\" password=\"pa55\";");
        assertThat(raw.main().properties().get("sasl.jaas.config")).contains("${file:");
    }

    @Test
    void directoryReferenceReadsAFileOfADirectory() throws Exception {
        // the way Kubernetes mounts a Secret: one file per key
        Path mounted = Files.createDirectory(dir.resolve("primary-credentials"));
        Files.writeString(mounted.resolve("password"), "from-secret-volume");

        ClusterConfigs resolved = ConfigProviderResolver.resolve(raw("""
                ssl.truststore.password: ${directory:%s:password}
                """.formatted(mounted)));

        assertThat(resolved.main().properties()).containsEntry("ssl.truststore.password", "from-secret-volume");
    }

    @Test
    void envReferenceReadsTheRealEnvironment() {
        ClusterConfigs resolved = ConfigProviderResolver.resolve(raw("""
                client.id: gw-${env:PATH}
                """));

        assertThat(resolved.main().properties()).containsEntry("client.id", "gw-" + System.getenv("PATH"));
    }

    @Test
    void envReferenceReadsTheGivenEnvironment() {
        ClusterConfigs resolved = ConfigProviderResolver.resolve(raw("""
                security.protocol: ${env:MAIN_PROTOCOL}
                sasl.mechanism: ${env:MAIN_MECHANISM}
                """), Map.of("MAIN_PROTOCOL", "SASL_SSL", "MAIN_MECHANISM", "SCRAM-SHA-512"));

        assertThat(resolved.main().kafkaProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }

    @Test
    void resolvedValuesAreValidatedAgain() {
        ClusterConfigs raw = raw("security.protocol: ${env:MAIN_PROTOCOL}\n");

        assertThatThrownBy(() -> ConfigProviderResolver.resolve(raw, Map.of("MAIN_PROTOCOL", "SASL_SSL")))
                .hasMessageStartingWith("cluster 'main', key 'sasl.mechanism': missing");
    }

    @Test
    void missingEnvironmentVariableNamesClusterAndKey() {
        assertThatThrownBy(() -> ConfigProviderResolver.resolve(raw("ssl.key.password: ${env:NOT_SET_ANYWHERE}\n"),
                Map.of()))
                .isInstanceOf(ClusterConfigException.class)
                .hasMessage("cluster 'main', key 'ssl.key.password': cannot resolve ${env:NOT_SET_ANYWHERE}: not found");
    }

    @Test
    void missingFileNamesClusterKeyAndFile() {
        Path missing = dir.resolve("absent.properties");

        assertThatThrownBy(() -> ConfigProviderResolver.resolve(raw("ssl.key.password: ${file:%s:pw}\n".formatted(missing))))
                .isInstanceOf(ClusterConfigException.class)
                .hasMessageStartingWith("cluster 'main', key 'ssl.key.password': cannot resolve ${file:" + missing + ":pw}: ")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void missingKeyInAnExistingFileIsReported() throws Exception {
        Path secrets = Files.writeString(dir.resolve("s.properties"), "other=value-that-is-secret\n");

        assertThatThrownBy(() -> ConfigProviderResolver.resolve(raw("ssl.key.password: ${file:%s:pw}\n".formatted(secrets))))
                .hasMessage("cluster 'main', key 'ssl.key.password': cannot resolve ${file:" + secrets + ":pw}: not found")
                .hasMessageNotContaining("value-that-is-secret");
    }

    @Test
    void missingFileInADirectoryIsReported() throws Exception {
        Path mounted = Files.createDirectory(dir.resolve("creds"));

        assertThatThrownBy(() -> ConfigProviderResolver.resolve(raw("ssl.key.password: ${directory:%s:pw}\n".formatted(mounted))))
                .hasMessage("cluster 'main', key 'ssl.key.password': cannot resolve ${directory:" + mounted + ":pw}: not found");
    }

    @Test
    void errorsDoNotEchoTheRestOfTheValue() {
        assertThatThrownBy(() -> ConfigProviderResolver.resolve(raw("""
                sasl.jaas.config: PlainLoginModule required username="${env:NOPE}" password="literal-secret";
                """), Map.of()))
                .hasMessage("cluster 'main', key 'sasl.jaas.config': cannot resolve ${env:NOPE}: not found");
    }

    @Test
    void unknownProviderIsATypoUnlessTheClusterDeclaresIt() {
        assertThatThrownBy(() -> ConfigProviderResolver.resolve(raw("ssl.key.password: ${fiel:/x:pw}\n")))
                .hasMessageStartingWith("cluster 'main', key 'ssl.key.password': unknown config provider 'fiel' in ${fiel:/x:pw}");

        ClusterConfigs declared = raw("""
                config.providers: vault
                config.providers.vault.class: com.example.VaultConfigProvider
                ssl.key.password: ${vault:secret/kafka:pw}
                """);
        assertThat(ConfigProviderResolver.resolve(declared).main().properties())
                .containsEntry("ssl.key.password", "${vault:secret/kafka:pw}");
    }

    @Test
    void gatewaySettingsAndPlainValuesAreLeftAlone() {
        ClusterConfigs raw = ClusterConfigLoader.fromYaml("""
                config:
                  main: {bootstrap.servers: "m:9092", client.id: "plain $ value {x}"}
                  dr: {bootstrap.servers: "${env:DR_BOOTSTRAP}", gateway.roles: failover, gateway.node.id.base: 100}
                """, "test.yaml");

        ClusterConfigs resolved = ConfigProviderResolver.resolve(raw, Map.of("DR_BOOTSTRAP", "d1:9092,d2:9092"));

        assertThat(resolved.main()).isEqualTo(raw.main());
        ClusterConfig dr = resolved.get("dr").orElseThrow();
        assertThat(dr.bootstrapAddresses()).containsExactly("d1:9092", "d2:9092");
        assertThat(dr.roles()).containsExactly("failover");
        assertThat(dr.nodeIdBase()).isEqualTo(100);
        assertThat(resolved.names()).containsExactly("main", "dr");
    }
}
