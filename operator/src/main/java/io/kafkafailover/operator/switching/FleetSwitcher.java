package io.kafkafailover.operator.switching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brings every given pod to one cluster, all pods in parallel, each with its own timeouts and
 * retries, so that one unreachable pod never holds up the others. Thread-safe.
 */
public final class FleetSwitcher implements AutoCloseable {

  private final SwitchPolicy policy;
  private final ExecutorService executor;

  public FleetSwitcher(SwitchPolicy policy) {
    this.policy = policy;
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "pod-switch-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  public SwitchPolicy policy() {
    return policy;
  }

  /** One outcome per pod, in the order given; returns within about {@link SwitchPolicy#worstCase()}. */
  public List<PodOutcome> converge(Collection<PodEndpoint> pods, String target, AdminCredentials credentials)
      throws InterruptedException {
    List<Future<PodOutcome>> futures = new ArrayList<>();
    for (PodEndpoint pod : pods) {
      futures.add(executor.submit(new PodConvergence(pod, target, credentials, policy)));
    }
    long deadline = System.nanoTime() + policy.worstCase().plusSeconds(1).toNanos();
    List<PodOutcome> outcomes = new ArrayList<>();
    int index = 0;
    for (PodEndpoint pod : pods) {
      outcomes.add(await(futures.get(index++), pod, deadline));
    }
    return outcomes;
  }

  private static PodOutcome await(Future<PodOutcome> future, PodEndpoint pod, long deadline)
      throws InterruptedException {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new PodOutcome(pod, null, false, "no outcome before the deadline", 0);
    } catch (ExecutionException e) {
      return new PodOutcome(pod, null, false, String.valueOf(e.getCause()), 0);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
