package io.kafkafailover.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {

    static final String SECRET = "s3cr3t-value";

    @Test
    void accessorsSplitGatewaySettingsFromKafkaProperties() {
        ClusterConfig cluster = ClusterConfig.fromKeys("dr", ordered(
                "bootstrap.servers", " d1:9092 ,d2:9092,, ",
                "gateway.roles", "failover",
                "gateway.node.id.base", "100",
                "security.protocol", "SSL"));

        assertThat(cluster.isMain()).isFalse();
        assertThat(cluster.hasRole("failover")).isTrue();
        assertThat(cluster.hasRole("main")).isFalse();
        assertThat(cluster.bootstrapAddresses()).containsExactly("d1:9092", "d2:9092");
        assertThat(cluster.nodeIdBase()).isEqualTo(100);
        assertThat(cluster.properties()).containsOnlyKeys("bootstrap.servers", "gateway.node.id.base", "security.protocol");
        assertThat(cluster.kafkaProperties()).containsExactly(
                Map.entry("bootstrap.servers", " d1:9092 ,d2:9092,, "),
                Map.entry("security.protocol", "SSL"));
        assertThat(cluster.keys()).containsEntry("gateway.roles", "failover");
    }

    @Test
    void nodeIdBaseDefaultsToZero() {
        assertThat(ClusterConfig.fromKeys("main", Map.of("bootstrap.servers", "m:1")).nodeIdBase()).isZero();
    }

    @Test
    void isImmutableAndIndependentOfItsInput() {
        Map<String, String> input = ordered("bootstrap.servers", "m:1");
        ClusterConfig cluster = new ClusterConfig("main", Set.of(), input);
        input.put("sasl.mechanism", "PLAIN");

        assertThat(cluster.properties()).containsOnlyKeys("bootstrap.servers");
        assertThatThrownBy(() -> cluster.properties().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cluster.roles().add("failover")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rolesAreNotAProperty() {
        assertThatThrownBy(() -> new ClusterConfig("main", Set.of(), Map.of("gateway.roles", "failover")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesEverySecret() {
        ClusterConfig cluster = ClusterConfig.fromKeys("main", ordered(
                "bootstrap.servers", "m:9092",
                "sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"" + SECRET + "\";",
                "ssl.key.password", SECRET,
                "ssl.keystore.password", SECRET,
                "ssl.truststore.password", SECRET,
                "sasl.oauthbearer.client.credentials.client.secret", SECRET,
                "my.vault.password.file.contents", SECRET,
                "basic.auth.user.info.Secret", SECRET,
                "ssl.keystore.key", SECRET,
                "sasl.mechanism", "PLAIN"));

        String printed = cluster.toString();

        assertThat(printed).doesNotContain(SECRET)
                .contains("bootstrap.servers=m:9092", "sasl.mechanism=PLAIN",
                        "sasl.jaas.config=[hidden]", "ssl.key.password=[hidden]", "ssl.keystore.key=[hidden]",
                        "basic.auth.user.info.Secret=[hidden]");
        assertThat(new ClusterConfigs(java.util.List.of(cluster)).toString()).doesNotContain(SECRET);
    }

    @Test
    void secretKeysComeFromKafkasOwnDefinitions() {
        // ssl.keystore.key / ssl.keystore.certificate.chain have no "password" in their name:
        // only Kafka's ConfigDef knows they are PASSWORD-typed
        assertThat(SecretKeys.isSecret("ssl.keystore.key")).isTrue();
        assertThat(SecretKeys.isSecret("ssl.truststore.certificates")).isTrue();
        assertThat(SecretKeys.isSecret("sasl.jaas.config")).isTrue();
        assertThat(SecretKeys.isSecret("bootstrap.servers")).isFalse();
        assertThat(SecretKeys.isSecret("ssl.truststore.location")).isFalse();
    }

    static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
