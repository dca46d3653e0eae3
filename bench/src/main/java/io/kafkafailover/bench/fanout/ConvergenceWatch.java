package io.kafkafailover.bench.fanout;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kafkafailover.admin.GatewayAdminClient;
import io.kafkafailover.admin.PClusterView;
import io.kafkafailover.bench.Pause;
import io.kafkafailover.operator.model.KafkaFailover;
import io.kafkafailover.operator.model.KafkaFailoverStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Watches a switch arrive: every gateway's own admin API (the ground truth: it is what serves the
 * clients) and the KafkaFailover's status, polled side by side. Gateways already seen on the target
 * are not asked again, so the polling load shrinks as the operator gets through them.
 */
final class ConvergenceWatch implements AutoCloseable {
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final String PCLUSTER = "main";
    /** Enough to ask all gateways at about the same time, not enough to crowd two cores. */
    private static final int POLL_THREADS = 4;

    private final List<GatewayAdminClient> gateways;
    private final KubernetesClient client;
    private final ExecutorService pool = Executors.newFixedThreadPool(POLL_THREADS, runnable -> {
        Thread thread = new Thread(runnable, "fanout-poll");
        thread.setDaemon(true);
        return thread;
    });

    ConvergenceWatch(GatewayFleet fleet, KubernetesClient client) {
        this.gateways = fleet.ips().stream()
                .map(ip -> new GatewayAdminClient(fleet.adminUri(ip), GatewayFleet.ADMIN_USER, fleet.password(), REQUEST_TIMEOUT))
                .toList();
        this.client = client;
    }

    /**
     * Waits until every gateway serves {@code cluster} and the status says so for every pod: the
     * state a measured switch starts from.
     */
    void awaitSteady(String cluster, Duration timeout) {
        Pause.until(() -> active().stream().allMatch(cluster::equals) && statusSteady(cluster), timeout, POLL_INTERVAL,
                () -> "The operator did not bring all " + gateways.size() + " gateways to " + cluster + " within "
                        + timeout.toSeconds() + " s; gateways serve " + active() + "; status: " + describe(status()));
    }

    /**
     * @param patchedNanos {@link System#nanoTime()} when the patch returned
     * @param patchedAt    the same moment on the wall clock, which the gateways' switchedAt is on
     * @param generation   the resource's generation after the patch
     */
    FanOutSample await(int number, String target, long generation, long patchedNanos, Instant patchedAt, Duration timeout) {
        long deadline = patchedNanos + timeout.toNanos();
        Map<Integer, Optional<Instant>> switchedAt = new HashMap<>();
        Optional<Duration> allConfirmed = Optional.empty();
        Optional<Duration> statusFollowed = Optional.empty();
        while (System.nanoTime() < deadline && (allConfirmed.isEmpty() || statusFollowed.isEmpty())) {
            if (allConfirmed.isEmpty()) {
                pollPending(target, switchedAt);
                if (switchedAt.size() == gateways.size()) {
                    allConfirmed = Optional.of(Duration.ofNanos(System.nanoTime() - patchedNanos));
                }
            }
            if (statusFollowed.isEmpty() && statusFollowed(target, generation)) {
                statusFollowed = Optional.of(Duration.ofNanos(System.nanoTime() - patchedNanos));
            }
            Pause.sleep(POLL_INTERVAL);
        }
        List<Duration> switched = switchedAt.values().stream().flatMap(Optional::stream)
                .map(at -> Duration.between(patchedAt, at)).sorted().toList();
        boolean everyTimeKnown = switched.size() == switchedAt.size() && !switched.isEmpty();
        return new FanOutSample(number, target, switchedAt.size(), allConfirmed,
                everyTimeKnown ? Optional.of(switched.get(0)) : Optional.empty(),
                everyTimeKnown ? Optional.of(switched.get(switched.size() - 1)) : Optional.empty(),
                statusFollowed);
    }

    /** Asks every gateway not yet seen on {@code target}, all at once; a failed call counts as not yet. */
    private void pollPending(String target, Map<Integer, Optional<Instant>> switchedAt) {
        List<Integer> pending = IntStream.range(0, gateways.size()).filter(i -> !switchedAt.containsKey(i)).boxed().toList();
        List<CompletableFuture<Optional<PClusterView>>> answers = new ArrayList<>();
        for (int index : pending) {
            answers.add(CompletableFuture.supplyAsync(() -> ask(gateways.get(index)), pool));
        }
        for (int i = 0; i < pending.size(); i++) {
            Optional<PClusterView> view = answers.get(i).join();
            if (view.isPresent() && target.equals(view.get().active())) {
                switchedAt.put(pending.get(i), instant(view.get().switchedAt()));
            }
        }
    }

    private List<String> active() {
        List<CompletableFuture<Optional<PClusterView>>> answers = gateways.stream()
                .map(gateway -> CompletableFuture.supplyAsync(() -> ask(gateway), pool)).toList();
        return answers.stream().map(CompletableFuture::join).map(view -> view.map(PClusterView::active).orElse("no answer"))
                .toList();
    }

    private static Optional<PClusterView> ask(GatewayAdminClient gateway) {
        try {
            return Optional.of(gateway.get(PCLUSTER));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private boolean statusFollowed(String target, long generation) {
        KafkaFailoverStatus status = status();
        return status != null && target.equals(status.activeCluster) && status.observedGeneration != null
                && status.observedGeneration >= generation;
    }

    private boolean statusSteady(String cluster) {
        KafkaFailoverStatus status = status();
        return status != null && cluster.equals(status.activeCluster) && status.pods.size() == gateways.size()
                && status.pods.stream().allMatch(pod -> cluster.equals(pod.activeCluster));
    }

    private KafkaFailoverStatus status() {
        KafkaFailover resource = client.resources(KafkaFailover.class).inNamespace(FanOutResources.NAMESPACE)
                .withName(FanOutResources.NAME).get();
        return resource == null ? null : resource.getStatus();
    }

    private static String describe(KafkaFailoverStatus status) {
        if (status == null) {
            return "none yet";
        }
        return "activeCluster=" + status.activeCluster + ", pods="
                + status.pods.stream().sorted(Comparator.comparing(pod -> pod.name))
                .map(pod -> pod.name + ":" + pod.activeCluster + (pod.error == null ? "" : " (" + pod.error + ")")).toList()
                + ", conditions=" + status.conditions.stream().map(c -> c.getType() + "=" + c.getStatus() + " " + c.getMessage()).toList();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        gateways.forEach(GatewayAdminClient::close);
    }
}
