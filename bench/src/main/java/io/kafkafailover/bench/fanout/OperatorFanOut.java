package io.kafkafailover.bench.fanout;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kafkafailover.bench.BenchContext;
import io.kafkafailover.bench.Pause;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.operator.KafkaFailoverOperator;
import io.kafkafailover.operator.OperatorSettings;
import io.kafkafailover.operator.model.KafkaFailover;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Operator fan-out: from the patch of {@code spec.active} on a KafkaFailover to every one of
 * {@value #GATEWAYS} gateway instances confirmed on the new cluster.
 *
 * <p>The operator is the shipped one ({@link KafkaFailoverOperator}, with the settings it takes
 * from an empty environment), in this JVM. It talks to fabric8's mock API server ({@link MockKubernetes})
 * and, like in a cluster, to each gateway pod's admin API on its pod IP: {@value #GATEWAYS} real
 * gateways ({@link GatewayFleet}) on 127.0.0.2 and up, in front of the run's two real clusters.
 * Each switch patches {@code spec.active} the way {@code kubectl patch --type merge} does and then
 * watches the gateways and the status ({@link ConvergenceWatch}).
 */
public final class OperatorFanOut {
    public static final int GATEWAYS = 20;
    public static final Duration TARGET = Duration.ofSeconds(3);
    static final String CRD = "crds/kafkafailovers.kafkafailover.io-v1.yml";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);

    /**
     * @param switches patches of spec.active, main → failover → main ...
     * @param settle   pause after the status followed, before the next patch
     * @param timeout  how long one switch may take before it counts as not confirmed
     */
    public record Settings(int switches, Duration settle, Duration timeout) {
    }

    private final BenchContext context;

    public OperatorFanOut(BenchContext context) {
        this.context = context;
    }

    public FanOutResults measure() {
        Settings settings = context.settings().fanOut();
        OperatorSettings operatorSettings = OperatorSettings.fromEnvironment(Map.of("WATCH_NAMESPACES", FanOutResources.NAMESPACE));
        Path crd = context.paths().benchDirectory().resolveSibling(CRD);
        try (GatewayFleet fleet = GatewayFleet.start(context.paths(), context.clusters(), GATEWAYS, context.cpus());
             MockKubernetes kubernetes = MockKubernetes.start(crd);
             KafkaFailoverOperator operator = KafkaFailoverOperator.create(kubernetes.client(), operatorSettings,
                     new SimpleMeterRegistry());
             ConvergenceWatch watch = new ConvergenceWatch(fleet, kubernetes.client())) {
            KubernetesClient client = kubernetes.client();
            client.resource(FanOutResources.adminSecret(GatewayFleet.ADMIN_USER, fleet.password())).create();
            operator.start();
            KafkaFailover resource = client.resource(FanOutResources.kafkaFailover(context.clusters(), fleet)).create();
            for (int i = 0; i < fleet.ips().size(); i++) {
                client.resource(FanOutResources.readyPod(resource, i, fleet.ips().get(i))).create();
            }
            watch.awaitSteady(BrokerClusters.MAIN, START_TIMEOUT);

            List<FanOutSample> samples = new ArrayList<>();
            String current = BrokerClusters.MAIN;
            for (int number = 1; number <= settings.switches(); number++) {
                String target = current.equals(BrokerClusters.MAIN) ? BrokerClusters.FAILOVER : BrokerClusters.MAIN;
                KafkaFailover patched = client.resources(KafkaFailover.class).inNamespace(FanOutResources.NAMESPACE)
                        .withName(FanOutResources.NAME)
                        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"active\":\"" + target + "\"}}");
                long patchedNanos = System.nanoTime();
                Instant patchedAt = Instant.now();
                FanOutSample sample = watch.await(number, target, patched.getMetadata().getGeneration(), patchedNanos,
                        patchedAt, settings.timeout());
                samples.add(sample);
                if (!sample.complete()) {
                    break; // the next switch would not start from a known state
                }
                current = target;
                Pause.sleep(settings.settle());
            }
            return new FanOutResults(settings, GATEWAYS, fleet.ips(), fleet.portStart(), fleet.adminPort(),
                    operatorSettings.switchPolicy(), samples);
        }
    }
}
