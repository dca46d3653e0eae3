package io.kafkafailover.operator.reconcile;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kafkafailover.operator.model.KafkaFailover;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes Kubernetes Events about a KafkaFailover, as {@code kubectl describe} shows them. */
public final class EventPublisher {

  static final String COMPONENT = "kafka-failover-operator";
  private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

  private final KubernetesClient client;
  private final Clock clock;

  public EventPublisher(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void publish(KafkaFailover resource, List<EventNote> notes) {
    for (EventNote note : notes) {
      LOG.info("{}/{}: {} {}", resource.getMetadata().getNamespace(), resource.getMetadata().getName(),
          note.reason(), note.message());
      try {
        client.v1().events().inNamespace(resource.getMetadata().getNamespace()).resource(event(resource, note))
            .create();
      } catch (KubernetesClientException e) {
        // An Event is a courtesy; failing to record one must not fail the reconcile.
        LOG.warn("Cannot record Event {} for {}: {}", note.reason(), resource.getMetadata().getName(), e.getMessage());
      }
    }
  }

  private Event event(KafkaFailover resource, EventNote note) {
    String now = Timestamps.format(clock.instant());
    return new EventBuilder()
        .withNewMetadata()
        .withName(resource.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 13))
        .withNamespace(resource.getMetadata().getNamespace())
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion(resource.getApiVersion())
        .withKind(resource.getKind())
        .withName(resource.getMetadata().getName())
        .withNamespace(resource.getMetadata().getNamespace())
        .withUid(resource.getMetadata().getUid())
        .withResourceVersion(resource.getMetadata().getResourceVersion())
        .endInvolvedObject()
        .withType(note.type())
        .withReason(note.reason())
        .withMessage(note.message())
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .withNewSource()
        .withComponent(COMPONENT)
        .endSource()
        .withReportingComponent(COMPONENT)
        .build();
  }
}
