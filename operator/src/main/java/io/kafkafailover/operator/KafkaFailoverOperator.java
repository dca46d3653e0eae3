package io.kafkafailover.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.kafkafailover.operator.reconcile.KafkaFailoverReconciler;
import io.kafkafailover.operator.reconcile.OperatorMetrics;
import io.kafkafailover.operator.switching.FleetSwitcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator, wired the same way in production and in tests. No server-side apply anywhere:
 * status and dependents are patched and updated the classic way, which is also what the tests'
 * mock API server supports, so the tested path is the shipped one.
 */
public final class KafkaFailoverOperator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaFailoverOperator.class);

  private final Operator operator;
  private final FleetSwitcher switcher;
  private final AtomicBoolean closing;

  private KafkaFailoverOperator(Operator operator, FleetSwitcher switcher, AtomicBoolean closing) {
    this.operator = operator;
    this.switcher = switcher;
    this.closing = closing;
  }

  public static KafkaFailoverOperator create(KubernetesClient client, OperatorSettings settings,
      MeterRegistry registry) {
    AtomicBoolean closing = new AtomicBoolean();
    Operator operator = new Operator(overrider -> {
      overrider.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          .withUseSSAToPatchPrimaryResource(false)
          .withSSABasedCreateUpdateMatchForDependentResources(false);
      settings.leaderElection().ifPresent(election ->
          overrider.withLeaderElectionConfiguration(leaderElection(election, closing)));
    });
    FleetSwitcher switcher = new FleetSwitcher(settings.switchPolicy());
    KafkaFailoverReconciler reconciler = new KafkaFailoverReconciler(settings.reconcile(), switcher,
        new OperatorMetrics(registry), Clock.systemUTC());
    operator.register(reconciler, configuration -> {
      if (!settings.namespaces().isEmpty()) {
        configuration.settingNamespaces(settings.namespaces());
      }
    });
    return new KafkaFailoverOperator(operator, switcher, closing);
  }

  /**
   * A replica that loses its Lease exits, so that it never reconciles next to the new leader. Not
   * so when it gives the Lease up because it is stopping: JOSDK's own exit would then be called
   * from the shutdown hook, where System.exit blocks forever.
   */
  private static LeaderElectionConfiguration leaderElection(OperatorSettings.LeaderElection election,
      AtomicBoolean closing) {
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(OperatorSettings.LeaderElection.LEASE_NAME)
        .withLeaseNamespace(election.namespace())
        .withIdentity(election.identity())
        .withLeaseDuration(election.leaseDuration())
        .withRenewDeadline(election.renewDeadline())
        .withRetryPeriod(election.retryPeriod())
        .withExitOnStopLeading(false)
        .withLeaderCallbacks(new LeaderCallbacks(
            () -> LOG.info("{} leads", election.identity()),
            () -> {
              if (!closing.get()) {
                LOG.error("{} lost the Lease; exiting so that only the new leader reconciles", election.identity());
                System.exit(1);
              }
            },
            leader -> { }))
        .build();
  }

  public void start() {
    operator.start();
  }

  public RuntimeInfo runtimeInfo() {
    return operator.getRuntimeInfo();
  }

  @Override
  public void close() {
    closing.set(true);
    operator.stop();
    switcher.close();
  }
}
