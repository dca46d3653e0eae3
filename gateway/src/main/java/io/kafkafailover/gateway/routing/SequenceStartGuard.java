package io.kafkafailover.gateway.routing;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a producer whose id the gateway mapped start every partition on the new cluster from
 * sequence 0, so that the new cluster checks its order from the first batch on.
 *
 * <p>A broker takes any sequence as the start of a producer id it has never seen. Right after a
 * switch a Java producer can send batch n+1 to the partition's new leader while batch n is still on
 * its way to the old leader's port: the new cluster then starts the producer at n+1 and refuses n,
 * when it is retried, as out of order until the producer's delivery timeout fails it. So the first
 * batch of a mapped producer for a partition on a broker passes only if it has sequence 0; any other
 * first batch is answered UNKNOWN_PRODUCER_ID, which the Java client (2.5 and later, KIP-360) meets
 * by bumping its epoch and renumbering that partition's unacknowledged batches from 0, in order.
 */
final class SequenceStartGuard {
    /** One mapped producer's partition on one broker, where the broker has seen sequence 0. */
    private record Start(long producerId, ProduceVerdict.Partition partition, List<InetSocketAddress> broker) {
    }

    /** A batch of the request, after mapping: the producer id the cluster sees and the batch's first sequence. */
    record MappedBatch(long producerId, boolean remapped, ProduceVerdict.Partition partition, int baseSequence) {
    }

    private final PerSwitch<Set<Start>> started;

    SequenceStartGuard(ActiveCluster active) {
        this.started = new PerSwitch<>(active, ConcurrentHashMap::newKeySet);
    }

    /**
     * Forward, noting the partitions this request starts; or the partitions to restart, in which
     * case nothing is noted, because nothing of the request reaches the broker.
     */
    ProduceVerdict check(List<MappedBatch> batches, UpstreamTarget target) {
        Optional<Set<Start>> ofTarget = started.of(target.generation());
        if (ofTarget.isEmpty()) {
            return ProduceVerdict.FORWARD; // a connection a switch is closing: it carries nothing more (ClientHandler)
        }
        Set<Start> known = ofTarget.get();
        Set<Start> starting = new HashSet<>();
        Set<ProduceVerdict.Partition> restart = new HashSet<>();
        for (MappedBatch batch : batches) {
            if (!batch.remapped()) {
                continue; // an id the cluster issued itself: it knows where the producer starts
            }
            Start start = new Start(batch.producerId(), batch.partition(), target.candidates());
            if (known.contains(start)) {
                continue;
            }
            if (batch.baseSequence() == 0) {
                starting.add(start);
            } else {
                restart.add(batch.partition());
            }
        }
        if (!restart.isEmpty()) {
            return new ProduceVerdict(restart);
        }
        known.addAll(starting);
        return ProduceVerdict.FORWARD;
    }
}
