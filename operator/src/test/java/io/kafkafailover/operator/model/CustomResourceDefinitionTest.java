package io.kafkafailover.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CRD that crd-generator-maven-plugin derives from the model classes. */
class CustomResourceDefinitionTest {

  static final String GENERATED = "/META-INF/fabric8/kafkafailovers.kafkafailover.io-v1.yml";
  static final Path CHECKED_IN = Path.of("../crds/kafkafailovers.kafkafailover.io-v1.yml");

  private static String generated;
  private static CustomResourceDefinitionVersion version;
  private static CustomResourceDefinition crd;

  @BeforeAll
  static void loadGenerated() throws IOException {
    try (InputStream in = CustomResourceDefinitionTest.class.getResourceAsStream(GENERATED)) {
      assertThat(in).as("generated CRD on the class path (process-classes phase)").isNotNull();
      generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    crd = new KubernetesSerialization().unmarshal(generated, CustomResourceDefinition.class);
    version = crd.getSpec().getVersions().get(0);
  }

  @Test
  void theCheckedInCrdIsTheGeneratedOne() throws IOException {
    if (Boolean.getBoolean("crd.update")) {
      Files.writeString(CHECKED_IN, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(CHECKED_IN, StandardCharsets.UTF_8))
        .as("crds/kafkafailovers.kafkafailover.io-v1.yml is stale: the model classes changed. Refresh it with"
            + " 'mvn -pl operator -am test -Dtest=CustomResourceDefinitionTest -Dcrd.update=true' and commit it")
        .isEqualTo(generated);
  }

  @Test
  void namesScopeVersionAndStatusSubresource() {
    assertThat(crd.getMetadata().getName()).isEqualTo("kafkafailovers.kafkafailover.io");
    assertThat(crd.getSpec().getGroup()).isEqualTo("kafkafailover.io");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("KafkaFailover");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("kfo");
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getSubresources().getStatus()).isNotNull();
  }

  @Test
  void printerColumnsShowActiveAppliedReadyAndAge() {
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(column -> column.getName() + "=" + column.getJsonPath())
        .containsExactlyInAnyOrder(
            "ACTIVE=.spec.active",
            "APPLIED=.status.activeCluster",
            "READY=.status.conditions[?(@.type==\"Ready\")].status",
            "AGE=.metadata.creationTimestamp");
  }

  @Test
  void activeIsRequiredWithoutDefaultAndIsMainOrFailover() {
    JSONSchemaProps spec = property(version.getSchema().getOpenAPIV3Schema(), "spec");
    assertThat(spec.getRequired()).containsExactlyInAnyOrder("active", "main", "failover");
    JSONSchemaProps active = property(spec, "active");
    assertThat(active.getEnum()).extracting(JsonNode::asText).containsExactlyInAnyOrder("main", "failover");
    assertThat(active.getDefault()).isNull();
    assertThat(rules(spec)).contains("self.main.bootstrapServers != self.failover.bootstrapServers");
  }

  @Test
  void clustersCarryEnumsPatternsAndCrossFieldRules() {
    for (String name : new String[] {"main", "failover"}) {
      JSONSchemaProps cluster = property(property(version.getSchema().getOpenAPIV3Schema(), "spec"), name);
      assertThat(cluster.getRequired()).containsExactly("bootstrapServers");
      assertThat(property(cluster, "bootstrapServers").getPattern()).isNotBlank();
      assertThat(property(cluster, "securityProtocol").getEnum()).extracting(JsonNode::asText)
          .containsExactlyInAnyOrder("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
      JSONSchemaProps sasl = property(cluster, "sasl");
      assertThat(sasl.getRequired()).containsExactlyInAnyOrder("mechanism", "username", "passwordSecret");
      assertThat(property(sasl, "mechanism").getEnum()).extracting(JsonNode::asText)
          .containsExactlyInAnyOrder("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
      assertThat(property(sasl, "username").getPattern()).isEqualTo("^[^\"\\\\\\s]+$");
      assertThat(rules(cluster)).containsExactlyInAnyOrder(
          "(has(self.securityProtocol) && self.securityProtocol.startsWith('SASL_')) == has(self.sasl)",
          "!has(self.tls) || (has(self.securityProtocol) && self.securityProtocol.endsWith('SSL'))",
          "!has(self.properties) || !self.properties.exists(k, k in ['bootstrap.servers', 'security.protocol',"
              + " 'sasl.mechanism', 'sasl.jaas.config', 'gateway.roles'])");
    }
  }

  @Test
  void gatewayPortsAreBoundedAndKeptApart() {
    JSONSchemaProps gateway = property(property(version.getSchema().getOpenAPIV3Schema(), "spec"), "gateway");
    assertThat(property(gateway, "replicas").getMinimum()).isEqualTo(0.0);
    assertThat(property(gateway, "portStart").getMinimum()).isEqualTo(1024.0);
    assertThat(property(gateway, "portCount").getMaximum()).isEqualTo(1024.0);
    assertThat(property(gateway, "adminPort").getDefault().asInt()).isEqualTo(8888);
    assertThat(rules(gateway)).hasSize(2)
        .anySatisfy(rule -> assertThat(rule).contains("<= 65535"))
        .anySatisfy(rule -> assertThat(rule).contains("self.adminPort"));
  }

  private static JSONSchemaProps property(JSONSchemaProps schema, String name) {
    JSONSchemaProps property = schema.getProperties().get(name);
    assertThat(property).as("property " + name).isNotNull();
    return property;
  }

  private static java.util.List<String> rules(JSONSchemaProps schema) {
    return schema.getXKubernetesValidations().stream().map(ValidationRule::getRule).toList();
  }
}
