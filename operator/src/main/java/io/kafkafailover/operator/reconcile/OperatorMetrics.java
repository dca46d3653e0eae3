package io.kafkafailover.operator.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.switching.PodOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What an alert would watch: pods that do not serve spec.active, and switch calls by result. */
public final class OperatorMetrics {

  private final MeterRegistry registry;
  private final Map<Tags, AtomicInteger> lagging = new ConcurrentHashMap<>();

  public OperatorMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void recordRound(KafkaFailover resource, String target, List<PodOutcome> outcomes) {
    Tags tags = Tags.of("namespace", resource.getMetadata().getNamespace(), "name", resource.getMetadata().getName());
    int laggingPods = 0;
    for (PodOutcome outcome : outcomes) {
      if (!outcome.confirms(target)) {
        laggingPods++;
        registry.counter("kafkafailover.pod.switches", tags.and("result", "failed")).increment();
      } else if (outcome.switched()) {
        registry.counter("kafkafailover.pod.switches", tags.and("result", "switched")).increment();
      }
    }
    lagging.computeIfAbsent(tags, key -> registry.gauge("kafkafailover.pods.lagging", key, new AtomicInteger()))
        .set(laggingPods);
  }

  public void recordNotActionable(KafkaFailover resource, String reason) {
    registry.counter("kafkafailover.reconcile.blocked",
        Tags.of("namespace", resource.getMetadata().getNamespace(), "name", resource.getMetadata().getName(),
            "reason", reason)).increment();
  }
}
