package io.kafkafailover.bench.switching;

import io.kafkafailover.admin.SwitchResult;
import io.kafkafailover.bench.Pause;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.bench.process.GatewayProcess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Switch time as a client sees it: with producers running through the gateway, the time from the
 * switch call's return to each producer's first acknowledgement from the new cluster, over many
 * switches back and forth between main and failover.
 *
 * <p>Which cluster acknowledged a record is not guessed from timing: after the run both clusters'
 * topics are read back, and an acknowledgement counts for the new cluster only if the new cluster,
 * and not the old one, holds that very record at the acknowledged partition and offset.
 */
public final class SwitchTime {
    private static final Duration FIRST_ACK_TIMEOUT = Duration.ofMinutes(1);

    /**
     * @param sendInterval each producer's pause between records
     * @param settle       quiet time after every producer has been acknowledged again, before the next switch
     * @param maxWait      how long to wait for the producers after a switch before switching again anyway
     */
    public record Settings(int producers, int switches, Duration sendInterval, Duration settle, Duration maxWait) {
    }

    private record Switch(String target, long returnedNanos, double callMillis) {
    }

    private final Settings settings;

    public SwitchTime(Settings settings) {
        this.settings = settings;
    }

    /** Needs {@code topic} on both clusters and the gateway on {@code main}; leaves it on main for an even count. */
    public SwitchResults run(GatewayProcess gateway, BrokerClusters clusters, String topic) {
        if (!BrokerClusters.MAIN.equals(gateway.activeCluster())) {
            gateway.switchTo(BrokerClusters.MAIN);
        }
        List<Switch> switches = new ArrayList<>();
        long endNanos;
        SwitchProducers producers = new SwitchProducers(gateway.bootstrapServers(), topic, settings.producers(), settings.sendInterval());
        try {
            awaitAcksSentAfter(producers, Long.MIN_VALUE, FIRST_ACK_TIMEOUT, true);
            for (int i = 1; i <= settings.switches(); i++) {
                String target = i % 2 == 1 ? BrokerClusters.FAILOVER : BrokerClusters.MAIN;
                long called = System.nanoTime();
                SwitchResult result = gateway.switchTo(target);
                long returned = System.nanoTime();
                if (!target.equals(result.active())) {
                    throw new IllegalStateException("Switch " + i + " to " + target + " answered active=" + result.active());
                }
                switches.add(new Switch(target, returned, (returned - called) / 1e6));
                // Only pacing: whether those acknowledgements came from the new cluster is decided afterwards.
                awaitAcksSentAfter(producers, returned, settings.maxWait(), false);
                Pause.sleep(settings.settle());
            }
            endNanos = System.nanoTime();
        } finally {
            producers.close();
        }
        ClusterContents main = ClusterContents.read(clusters.bootstrapServers(BrokerClusters.MAIN), topic);
        ClusterContents failover = ClusterContents.read(clusters.bootstrapServers(BrokerClusters.FAILOVER), topic);
        return attribute(producers, switches, endNanos, Map.of(BrokerClusters.MAIN, main, BrokerClusters.FAILOVER, failover));
    }

    private SwitchResults attribute(SwitchProducers producers, List<Switch> switches, long endNanos,
                                    Map<String, ClusterContents> contents) {
        List<Double> seconds = new ArrayList<>();
        int unconfirmed = 0;
        long acked = 0;
        for (int producer = 0; producer < producers.count(); producer++) {
            List<SwitchProducers.Ack> acks = producers.acks(producer);
            acked += acks.size();
            for (int i = 0; i < switches.size(); i++) {
                Switch current = switches.get(i);
                long windowEnd = i + 1 < switches.size() ? switches.get(i + 1).returnedNanos() : endNanos;
                ClusterContents target = contents.get(current.target());
                ClusterContents other = contents.get(current.target().equals(BrokerClusters.MAIN)
                        ? BrokerClusters.FAILOVER : BrokerClusters.MAIN);
                long first = firstAckFrom(acks, producer, target, other, current.returnedNanos(), windowEnd);
                if (first < 0) {
                    unconfirmed++;
                } else {
                    seconds.add((first - current.returnedNanos()) / 1e9);
                }
            }
        }
        double meanCallMillis = switches.stream().mapToDouble(Switch::callMillis).average().orElse(0);
        return new SwitchResults(seconds, switches.size(), producers.count(), unconfirmed, producers.errors(), acked,
                meanCallMillis, contents.get(BrokerClusters.MAIN).size() + contents.get(BrokerClusters.FAILOVER).size(),
                producers.slowestClose());
    }

    /** The first acknowledgement in [from, to) that only {@code target} can have given; -1 if none. */
    private static long firstAckFrom(List<SwitchProducers.Ack> acks, int producer, ClusterContents target,
                                     ClusterContents other, long from, long to) {
        return acks.stream()
                .filter(ack -> ack.ackedNanos() >= from && ack.ackedNanos() < to)
                .filter(ack -> target.holds(ack.partition(), ack.offset(), producer, ack.sequence())
                        && !other.holds(ack.partition(), ack.offset(), producer, ack.sequence()))
                .mapToLong(SwitchProducers.Ack::ackedNanos)
                .min().orElse(-1);
    }

    private static void awaitAcksSentAfter(SwitchProducers producers, long sentAfter, Duration timeout, boolean required) {
        boolean allAcked = Pause.within(timeout, Duration.ofMillis(5), () -> IntStream.range(0, producers.count())
                .allMatch(producer -> producers.latestAckedSendNanos(producer) > sentAfter));
        if (!allAcked && required) {
            throw new IllegalStateException("Producers through the gateway got no acknowledgement within "
                    + timeout.toSeconds() + " s; errors: " + producers.errors());
        }
    }
}
