package io.kafkafailover.bench.fanout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Operator fan-out: from the patch of {@code spec.active} on a KafkaFailover to every one of
 * {@value #GATEWAYS} gateway instances confirmed on the new cluster.
 *
 * <p>TODO(operator fan-out hook): not measured yet. The operator is being written in
 * {@code operator/} at the same time as this harness; once its reconciler can be started in-process,
 * implement {@link #measure()} like this, and {@code Benchmark} reports it with no other change:
 * <ol>
 *   <li>start a fabric8 mock API server ({@code KubernetesMockServer} with CRUD, as the operator's
 *       own tests do) and load {@code crds/} into it;</li>
 *   <li>start {@value #GATEWAYS} real gateways (as {@code GatewayProcess} does, or in one JVM to
 *       spare memory), each bound to its own loopback address 127.0.0.2..127.0.0.21 with the same
 *       ports, because the operator calls every pod on its pod IP and the admin port;</li>
 *   <li>create the KafkaFailover and, since the mock server has no kubelet, the Deployment's Pods
 *       with {@code status.podIP} set to those addresses and a Ready condition;</li>
 *   <li>start the operator against the mock server and wait until {@code status.activeCluster}
 *       is {@code main};</li>
 *   <li>repeatedly: patch {@code spec.active}, take the time the patch returns, and poll every
 *       gateway's {@code GET /admin/pclusters/v1/pcluster/main} (the gateways are the ground truth,
 *       not the status) until all 20 report the new cluster; report p50/p99/max of those times,
 *       and separately when {@code status.activeCluster} followed.</li>
 * </ol>
 * {@code operator/src/test/java/io/kafkafailover/operator/reconcile/RealGatewaySwitchingTest.java}
 * already runs this set-up with three gateways; the benchmark needs the same with twenty, timed.
 * Target: 20 pods confirmed within 3 s.
 */
public final class OperatorFanOut {
    public static final int GATEWAYS = 20;
    public static final Duration TARGET = Duration.ofSeconds(3);

    /** Patch-to-all-confirmed times, one per switch; empty until the hook above is implemented. */
    public Optional<List<Duration>> measure() {
        return Optional.empty();
    }
}
