package io.kafkafailover.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs kubectl-plugin/kubectl-kafkafailover with the real kubectl against the mock API server. The
 * mock's CRUD mode does not serve API discovery for custom resources, so this adds the discovery
 * documents a real API server would derive from the CRD.
 */
public final class KubectlPlugin {

  public static final Path SCRIPT = Path.of("../kubectl-plugin/kubectl-kafkafailover");

  private static final String GROUP_LIST = "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[{\"name\":"
      + "\"kafkafailover.io\",\"versions\":[{\"groupVersion\":\"kafkafailover.io/v1alpha1\",\"version\":\"v1alpha1\"}],"
      + "\"preferredVersion\":{\"groupVersion\":\"kafkafailover.io/v1alpha1\",\"version\":\"v1alpha1\"}}]}";
  private static final String RESOURCE_LIST = "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":"
      + "\"kafkafailover.io/v1alpha1\",\"resources\":[{\"name\":\"kafkafailovers\",\"singularName\":\"kafkafailover\","
      + "\"namespaced\":true,\"kind\":\"KafkaFailover\",\"verbs\":[\"get\",\"list\",\"patch\",\"update\",\"watch\"],"
      + "\"shortNames\":[\"kfo\"]},{\"name\":\"kafkafailovers/status\",\"singularName\":\"\",\"namespaced\":true,"
      + "\"kind\":\"KafkaFailover\",\"verbs\":[\"get\",\"patch\",\"update\"]}]}";

  public record Result(int exitCode, String output) {}

  private final Path home;

  private KubectlPlugin(Path home) {
    this.home = home;
  }

  public static boolean kubectlAvailable() {
    try {
      Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public static KubectlPlugin against(KubernetesMockServer server, KubernetesClient client) {
    // kubectl asks with and without its discovery timeout; the mock matches paths with their query.
    for (String suffix : List.of("", "?timeout=32s")) {
      server.expect().get().withPath("/apis" + suffix).andReturn(200, GROUP_LIST).always();
      server.expect().get().withPath("/apis/kafkafailover.io/v1alpha1" + suffix).andReturn(200, RESOURCE_LIST)
          .always();
    }
    try {
      Path home = Files.createTempDirectory("kubectl-home");
      Files.createDirectories(home.resolve(".kube"));
      Files.writeString(home.resolve(".kube/config"), """
          apiVersion: v1
          kind: Config
          clusters:
          - name: mock
            cluster:
              server: %s
              insecure-skip-tls-verify: true
          users:
          - name: mock
            user:
              token: mock
          contexts:
          - name: mock
            context:
              cluster: mock
              user: mock
          current-context: mock
          """.formatted(client.getMasterUrl().toString().replaceAll("/$", "")), StandardCharsets.UTF_8);
      return new KubectlPlugin(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Result run(String... args) {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("HOME", home.toString());
    builder.environment().put("KUBECONFIG", home.resolve(".kube/config").toString());
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("plugin did not finish: " + output);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
