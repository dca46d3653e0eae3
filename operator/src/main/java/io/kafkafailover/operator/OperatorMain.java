package io.kafkafailover.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar operator.jar}: configured by environment variables, see {@link OperatorSettings}. */
public final class OperatorMain {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  private OperatorMain() {}

  public static void main(String[] args) throws Exception {
    OperatorSettings settings = OperatorSettings.fromEnvironment(System.getenv());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    KubernetesClient client = new KubernetesClientBuilder().build();
    KafkaFailoverOperator operator = KafkaFailoverOperator.create(client, settings, registry);
    // Operator.start() holds the operator's lock until the caches are synced; asking it meanwhile
    // would block, so readiness waits for start() to return first.
    AtomicBoolean started = new AtomicBoolean();
    HealthServer health = new HealthServer(settings.healthPort(),
        () -> started.get() && operator.runtimeInfo().allEventSourcesAreHealthy(), registry);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Stopping");
      operator.close();
      health.close();
      client.close();
      stopped.countDown();
    }, "shutdown"));
    LOG.info("Starting; watching {}; gateway image {}; health on port {}",
        settings.namespaces().isEmpty() ? "all namespaces" : settings.namespaces(),
        settings.reconcile().defaultImage(), health.port());
    operator.start();
    started.set(true);
    stopped.await();
  }
}
