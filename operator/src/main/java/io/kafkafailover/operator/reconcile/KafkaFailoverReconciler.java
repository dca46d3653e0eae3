package io.kafkafailover.operator.reconcile;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.render.GatewayNames;
import io.kafkafailover.operator.render.GatewaySettings;
import io.kafkafailover.operator.render.RenderInputs;
import io.kafkafailover.operator.switching.FleetSwitcher;
import io.kafkafailover.operator.switching.PodOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Validate, render, then bring every ready gateway pod to spec.active and report. The dependents
 * are reconciled explicitly, only once the spec is known to be actionable: a broken spec must leave
 * running gateways alone.
 */
@ControllerConfiguration(name = KafkaFailoverReconciler.NAME)
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = "config", type = ConfigMapDependent.class),
      @Dependent(name = "service", type = ServiceDependent.class),
      @Dependent(name = "deployment", type = DeploymentDependent.class, dependsOn = "config")
    })
public class KafkaFailoverReconciler implements Reconciler<KafkaFailover> {

  public static final String NAME = "kafkafailover";
  private static final int MAX_MESSAGE = 1000;

  private final ReconcileSettings settings;
  private final FleetSwitcher switcher;
  private final OperatorMetrics metrics;
  private final Clock clock;

  public KafkaFailoverReconciler(ReconcileSettings settings, FleetSwitcher switcher, OperatorMetrics metrics,
      Clock clock) {
    this.settings = settings;
    this.switcher = switcher;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, KafkaFailover>> prepareEventSources(EventSourceContext<KafkaFailover> context) {
    // Gateway pods belong to a ReplicaSet, not to the KafkaFailover: map them back by label.
    var pods = InformerEventSourceConfiguration.from(Pod.class, KafkaFailover.class)
        .withName("gateway-pods")
        .withLabelSelector(GatewayNames.GATEWAY_POD_SELECTOR)
        .withSecondaryToPrimaryMapper(pod -> {
          String owner = GatewayNames.owner(pod.getMetadata().getLabels());
          return owner == null ? Set.of() : Set.of(new ResourceID(owner, pod.getMetadata().getNamespace()));
        })
        .build();
    return List.of(new InformerEventSource<>(pods, context));
  }

  @Override
  public UpdateControl<KafkaFailover> reconcile(KafkaFailover resource, Context<KafkaFailover> context)
      throws InterruptedException {
    List<String> problems = SpecValidator.validate(resource);
    if (!problems.isEmpty()) {
      return blocked(resource, context, "InvalidSpec", String.join("; ", problems));
    }
    GatewaySettings gateway = GatewaySettings.of(resource, settings.defaultImage());
    if (gateway.adminSecretGenerated()) {
      GeneratedAdminSecret.ensureExists(context.getClient(), resource);
    }
    SecretLookup.Result secrets = new SecretLookup(context.getClient()).resolve(resource, gateway);
    if (!secrets.problems().isEmpty()) {
      return blocked(resource, context, "SecretMissing", String.join("; ", secrets.problems()));
    }

    RenderInputsHolder.put(context,
        new RenderInputs(resource, settings.defaultImage(), secrets.credentialsVersion()));
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();

    List<ObservedPod> pods = ObservedPod.of(context.getSecondaryResources(Pod.class));
    String target = resource.getSpec().active.configName();
    List<PodOutcome> outcomes = switcher.converge(
        pods.stream().filter(ObservedPod::ready).map(pod -> pod.endpoint(gateway.adminPort())).toList(),
        target, secrets.adminCredentials());
    metrics.recordRound(resource, target, outcomes);

    StatusUpdater.Update update =
        StatusUpdater.afterRound(resource, pods, outcomes, gateway.replicas(), clock.instant());
    Duration next = update.podsLag() ? settings.retryDelay(laggingFor(update)) : settings.driftCheckInterval();
    return publish(resource, context, update).rescheduleAfter(next);
  }

  @Override
  public ErrorStatusUpdateControl<KafkaFailover> updateErrorStatus(KafkaFailover resource,
      Context<KafkaFailover> context, Exception e) {
    if (isInterruption(e)) {
      return ErrorStatusUpdateControl.noStatusUpdate(); // the operator is stopping: nothing went wrong
    }
    String message = String.valueOf(e.getMessage());
    StatusUpdater.Update update = StatusUpdater.notActionable(resource, "ReconcileFailed",
        message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message, clock.instant());
    writeStatus(resource, context, update);
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  private UpdateControl<KafkaFailover> blocked(KafkaFailover resource, Context<KafkaFailover> context,
      String reason, String message) {
    metrics.recordNotActionable(resource, reason);
    StatusUpdater.Update update = StatusUpdater.notActionable(resource, reason, message, clock.instant());
    // Checked again later too: a missing Secret may be created without touching this resource.
    return publish(resource, context, update).rescheduleAfter(settings.driftCheckInterval());
  }

  private UpdateControl<KafkaFailover> publish(KafkaFailover resource, Context<KafkaFailover> context,
      StatusUpdater.Update update) {
    writeStatus(resource, context, update);
    return UpdateControl.noUpdate();
  }

  /**
   * The next reconcile computes from this status (which pods lag, when a switch started), so it
   * must see it even before the watch delivers it: written with optimistic locking and cached.
   */
  private void writeStatus(KafkaFailover resource, Context<KafkaFailover> context, StatusUpdater.Update update) {
    new EventPublisher(context.getClient(), clock).publish(resource, update.events());
    var json = context.getClient().getKubernetesSerialization();
    if (json.asJson(update.status()).equals(json.asJson(resource.getStatus()))) {
      return; // a drift check that found nothing new: no write every interval
    }
    PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(resource, context, fresh -> {
      fresh.setStatus(update.status());
      return fresh;
    });
  }

  private static boolean isInterruption(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  private Duration laggingFor(StatusUpdater.Update update) {
    return Conditions.find(update.status().conditions, Conditions.SWITCHED)
        .map(condition -> Duration.between(Instant.parse(condition.getLastTransitionTime()), clock.instant()))
        .orElse(Duration.ZERO);
  }
}
