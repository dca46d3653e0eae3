package io.kafkafailover.operator.reconcile;

import io.fabric8.kubernetes.api.model.Pod;
import io.kafkafailover.operator.switching.PodEndpoint;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** A gateway pod as the Pod informer shows it. */
public record ObservedPod(String name, String uid, String ip, boolean ready) {

  /** The pods that still count, by name; a pod being deleted no longer does. */
  public static List<ObservedPod> of(Collection<Pod> pods) {
    return pods.stream()
        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
        .map(ObservedPod::of)
        .sorted(Comparator.comparing(ObservedPod::name))
        .toList();
  }

  static ObservedPod of(Pod pod) {
    String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
    boolean ready = ip != null && !ip.isBlank() && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(condition -> "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
    return new ObservedPod(pod.getMetadata().getName(), pod.getMetadata().getUid(), ip, ready);
  }

  public PodEndpoint endpoint(int adminPort) {
    return new PodEndpoint(name, uid, ip, adminPort);
  }
}
