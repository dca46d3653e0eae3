package io.kafkafailover.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kafkafailover.operator.model.ClusterName;
import io.kafkafailover.operator.model.ClusterSpec;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.model.SecurityProtocol;
import io.kafkafailover.operator.testing.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rendered objects against checked-in YAML. After an intended change, refresh the files with
 * {@code mvn -pl operator -am test -Dtest=RenderGoldenTest -Dgolden.update=true} and review the diff.
 */
class RenderGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final KubernetesSerialization YAML = new KubernetesSerialization();
  private static final String CREDENTIALS_VERSION = "primary-ca@uid-1/11,primary-credentials@uid-2/12";

  @ParameterizedTest
  @ValueSource(strings = {"sasl-tls", "plaintext"})
  void rendersAsTheGoldenFilesSay(String example) throws IOException {
    RenderInputs inputs = new RenderInputs(example(example), "kafka-failover/gateway:0.1.0", CREDENTIALS_VERSION);
    List<HasMetadata> rendered = List.of(
        ConfigMapRenderer.render(inputs),
        DeploymentRenderer.render(inputs),
        ServiceRenderer.render(inputs),
        AdminSecretRenderer.render(inputs.resource(), () -> "generated-password"));

    for (HasMetadata object : rendered) {
      Path file = GOLDEN.resolve(example + "-" + object.getKind().toLowerCase() + ".yaml");
      String actual = YAML.asYaml(object);
      if (Boolean.getBoolean("golden.update")) {
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual)
          .as("%s differs from %s; if the change is intended, rerun with -Dgolden.update=true", object.getKind(), file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
  }

  @Test
  void switchingChangesTheConfigMapButNeitherThePodTemplateNorItsChecksum() {
    RenderInputs onMain = new RenderInputs(example("sasl-tls"), "image", CREDENTIALS_VERSION);
    KafkaFailover switched = example("sasl-tls");
    switched.getSpec().active = ClusterName.FAILOVER;
    RenderInputs onFailover = new RenderInputs(switched, "image", CREDENTIALS_VERSION);

    Deployment before = DeploymentRenderer.render(onMain);
    Deployment after = DeploymentRenderer.render(onFailover);

    assertThat(YAML.asYaml(after)).isEqualTo(YAML.asYaml(before));
    assertThat(ConfigMapRenderer.render(onFailover).getData())
        .containsEntry("active-cluster", "failover\n")
        .containsEntry("cluster-config.yaml", ConfigMapRenderer.render(onMain).getData().get("cluster-config.yaml"));
  }

  @Test
  void clusterOrCredentialChangesChangeTheChecksum() {
    String base = DeploymentRenderer.checksum(new RenderInputs(example("sasl-tls"), "image", CREDENTIALS_VERSION));

    KafkaFailover otherServers = example("sasl-tls");
    otherServers.getSpec().failover.bootstrapServers = "secondary-9:9092";
    String rotated = DeploymentRenderer.checksum(
        new RenderInputs(example("sasl-tls"), "image", CREDENTIALS_VERSION.replace("/12", "/13")));

    assertThat(DeploymentRenderer.checksum(new RenderInputs(otherServers, "image", CREDENTIALS_VERSION)))
        .isNotEqualTo(base);
    assertThat(rotated).isNotEqualTo(base);
  }

  private static KafkaFailover example(String name) {
    KafkaFailover resource = Resources.payments("kafka", ClusterName.MAIN);
    if (name.equals("plaintext")) {
      resource.getSpec().main = plaintext("primary:9092");
      resource.getSpec().failover = plaintext("secondary:9092");
      resource.getSpec().gateway = null;
    }
    return resource;
  }

  private static ClusterSpec plaintext(String bootstrap) {
    return Resources.cluster(bootstrap, SecurityProtocol.PLAINTEXT, null, null, null);
  }
}
