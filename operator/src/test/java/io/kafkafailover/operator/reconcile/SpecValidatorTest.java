package io.kafkafailover.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.model.KafkaFailoverSpec;
import io.kafkafailover.operator.model.SecurityProtocol;
import io.kafkafailover.operator.model.TlsSpec;
import io.kafkafailover.operator.testing.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

  private final KafkaFailover resource = Resources.payments("kafka", ClusterName.MAIN);
  private final KafkaFailoverSpec spec = resource.getSpec();

  @Test
  void theExampleIsValid() {
    assertThat(SpecValidator.validate(resource)).isEmpty();
  }

  @Test
  void saslGoesWithSaslProtocolsOnly() {
    spec.main.sasl = null;
    spec.failover.securityProtocol = SecurityProtocol.PLAINTEXT;

    assertThat(SpecValidator.validate(spec)).containsExactly(
        "spec.main.sasl is required with securityProtocol SASL_SSL",
        "spec.failover.sasl is not allowed with securityProtocol PLAINTEXT");
  }

  @Test
  void tlsNeedsATlsProtocolAndACertificate() {
    spec.failover.tls = new TlsSpec();
    spec.failover.tls.trustedCertificates = List.of();

    assertThat(SpecValidator.validate(spec)).containsExactly(
        "spec.failover.tls requires securityProtocol SSL or SASL_SSL, not SASL_PLAINTEXT",
        "spec.failover.tls.trustedCertificates must name at least one certificate");
  }

  @Test
  void missingOrUnknownRequiredFields() {
    spec.active = null;
    spec.failover = null;
    spec.main.sasl.mechanism = null;

    assertThat(SpecValidator.validate(spec)).containsExactly(
        "spec.active must be main or failover",
        "spec.main.sasl.mechanism must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512",
        "spec.failover is required");
  }

  @Test
  void aUsernameCannotBreakOutOfTheJaasOption() {
    spec.main.sasl.username = "key\" password=\"x";

    assertThat(SpecValidator.validate(spec))
        .containsExactly("spec.main.sasl.username must not contain quotes, backslashes or white space");
  }

  @Test
  void propertiesMayNotOverrideDedicatedFieldsNorHoldSecrets() {
    spec.main.properties.put("sasl.jaas.config", "x");
    spec.main.properties.put("ssl.truststore.location", "/x");
    spec.failover.properties = new java.util.HashMap<>(java.util.Map.of("ssl.keystore.password", "changeit"));

    assertThat(SpecValidator.validate(spec)).containsExactlyInAnyOrder(
        "spec.main.properties must not set sasl.jaas.config: use the dedicated field",
        "spec.main.properties must not set ssl.truststore.location together with tls",
        "spec.failover.properties.ssl.keystore.password holds a secret, which would be written into a ConfigMap;"
            + " use sasl.passwordSecret or tls, which read Secrets");
  }

  @Test
  void theSharedClusterRulesApplyToo() {
    spec.main.properties.put("gateway.node.id.base", "-3");

    assertThat(SpecValidator.validate(spec)).singleElement()
        .satisfies(problem -> assertThat(problem).contains("main").contains("gateway.node.id.base"));
  }

  @Test
  void bothClustersMustDiffer() {
    spec.failover.bootstrapServers = spec.main.bootstrapServers;

    assertThat(SpecValidator.validate(spec)).contains(
        "spec.main and spec.failover must be different clusters (their bootstrapServers are equal)");
  }

  @Test
  void theNameMustFitTheServiceName() {
    resource.getMetadata().setName("p" + "a".repeat(SpecValidator.MAX_NAME_LENGTH));

    assertThat(SpecValidator.validate(resource)).containsExactly("metadata.name must be a DNS label of at most 55"
        + " characters starting with a letter: the gateway Service is named after it");
  }

  @Test
  void gatewayPortsStayInRangeAndApart() {
    spec.gateway.portStart = 8880;
    spec.gateway.portCount = 16;

    assertThat(SpecValidator.validate(spec))
        .containsExactly("spec.gateway.adminPort must lie outside the Kafka port range 8880..8896");
  }
}
