package io.kafkafailover.operator.switching;

/**
 * What one pod said in the end.
 *
 * @param activeCluster the cluster the pod confirmed serving; null when it never answered
 * @param switched whether this round had to switch it (it served another cluster before)
 * @param error why the pod does not serve the target, or null
 * @param attempts how many attempts were made
 */
public record PodOutcome(PodEndpoint pod, String activeCluster, boolean switched, String error, int attempts) {

  public boolean confirms(String target) {
    return error == null && target.equals(activeCluster);
  }
}
