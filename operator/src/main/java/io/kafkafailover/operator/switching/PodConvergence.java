package io.kafkafailover.operator.switching;

import io.kafkafailover.admin.GatewayAdminClient;
import io.kafkafailover.admin.GatewayAdminException;
import io.kafkafailover.admin.PClusterView;
import io.kafkafailover.admin.SwitchResult;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one pod to the target cluster: asks which cluster it serves, and switches it only when
 * that differs, so that a pod already on the target keeps its client connections.
 */
final class PodConvergence implements Callable<PodOutcome> {

  /** The physical cluster that KafkaFailover gateways route; its target is main or failover. */
  static final String PCLUSTER = "main";

  private static final Logger LOG = LoggerFactory.getLogger(PodConvergence.class);

  private final PodEndpoint pod;
  private final String target;
  private final AdminCredentials credentials;
  private final SwitchPolicy policy;

  PodConvergence(PodEndpoint pod, String target, AdminCredentials credentials, SwitchPolicy policy) {
    this.pod = pod;
    this.target = target;
    this.credentials = credentials;
    this.policy = policy;
  }

  @Override
  public PodOutcome call() throws InterruptedException {
    String lastError = null;
    String lastSeen = null;
    boolean switched = false;
    try (GatewayAdminClient client = new GatewayAdminClient(pod.adminUri(), credentials.username(),
        credentials.password(), policy.requestTimeout())) {
      for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
        try {
          PClusterView view = client.get(PCLUSTER);
          lastSeen = view.active();
          if (target.equals(lastSeen)) {
            return new PodOutcome(pod, lastSeen, switched, null, attempt);
          }
          LOG.info("Pod {} serves {}, switching it to {}", pod.name(), lastSeen, target);
          SwitchResult result = client.switchTo(PCLUSTER, target, false);
          switched = true;
          lastSeen = result.active();
          if (target.equals(lastSeen)) {
            return new PodOutcome(pod, lastSeen, true, null, attempt);
          }
          lastError = "switch answered active=" + lastSeen + " instead of " + target;
        } catch (GatewayAdminException e) {
          lastError = e.getMessage();
          if (!isWorthRetrying(e)) {
            return new PodOutcome(pod, lastSeen, switched, lastError, attempt);
          }
        }
        if (attempt < policy.maxAttempts()) {
          Thread.sleep(policy.backoffAfter(attempt).toMillis());
        }
      }
    }
    return new PodOutcome(pod, lastSeen, switched, lastError, policy.maxAttempts());
  }

  /**
   * No answer, a server error, throttling, or a failed pre-flight check (409: the target did not
   * answer the gateway) may pass; bad credentials or an unknown cluster will not.
   */
  static boolean isWorthRetrying(GatewayAdminException e) {
    int status = e.statusCode();
    return e.isNoResponse() || status >= 500 || status == 409 || status == 429;
  }
}
