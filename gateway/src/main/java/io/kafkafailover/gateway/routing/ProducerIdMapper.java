package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.gateway.proxy.ClientSoftware;
import io.kafkafailover.gateway.proxy.InvalidFrameException;
import io.kafkafailover.gateway.proxy.RequestCodec;
import io.kafkafailover.gateway.proxy.ResponseFilters;
import io.netty.buffer.ByteBuf;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.utils.Crc32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Gives idempotent producers a producer id of the cluster they now write to (DESIGN pitfall 4).
 *
 * <p>Producer ids are issued per cluster, and closing connections does not make a producer ask for
 * a new one: after a switch it keeps writing with an id the new cluster never issued, which the new
 * cluster accepts and which can collide with an id it did issue (to the replication tool's own
 * producers, say), ending in sequence or epoch errors. The Java client answers UNKNOWN_PRODUCER_ID
 * with a local epoch bump that keeps the colliding id, so asking the client does not help. The
 * gateway therefore asks the new cluster for an id itself, once per producer and switch, and
 * rewrites that producer's batches to it: the producer id field and the batch CRC, in place.
 *
 * <p>A mapped id is new to the cluster, which would take any sequence as its start; for Java clients
 * {@link SequenceStartGuard} makes each partition start from sequence 0.
 *
 * <p>Until the first switch nothing is touched. After a switch, ids that the active cluster issued
 * through this gateway since the switch pass unchanged; every other id is mapped. Transactional
 * batches are never rewritten: a transaction open at a switch aborts. The mapping lives in this
 * gateway instance; see the README for running several instances.
 */
public final class ProducerIdMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerIdMapper.class);
    // Kafka's record batch format v2 (KIP-98): where the producer id and the CRC sit, and what the CRC covers.
    private static final int CRC_OFFSET = 17;
    private static final int ATTRIBUTES_OFFSET = 21;
    private static final int PRODUCER_ID_OFFSET = 43;
    private static final int ALLOCATION_ATTEMPTS = 10;
    private static final long RETRY_BACKOFF_MILLIS = 200;

    /** What the active cluster issued through this gateway since the switch, and the ids mapped so far. */
    private record Ids(Set<Long> issued, Map<Long, CompletableFuture<Long>> mapped) {
        Ids() {
            this(ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>());
        }
    }

    private final BackendProbe probe;
    private final PerSwitch<Ids> ids;
    private final SequenceStartGuard sequenceStarts;

    public ProducerIdMapper(ActiveCluster active, BackendProbe probe) {
        this.probe = probe;
        this.ids = new PerSwitch<>(active, Ids::new);
        this.sequenceStarts = new SequenceStartGuard(active);
    }

    /** Notes the ids that InitProducerId responses hand out, so that they pass unchanged. */
    public ResponseFilters registerOn(ResponseFilters filters) {
        return filters.add(ApiKeys.INIT_PRODUCER_ID, 0, (body, version, cluster) -> {
            InitProducerIdResponseData response = (InitProducerIdResponseData) body;
            if (response.errorCode() == Errors.NONE.code()) {
                ids.ofActive(cluster.name()).ifPresent(current -> current.issued().add(response.producerId()));
            }
            return false;
        });
    }

    /** Whether Produce requests on a connection of this generation need looking at: from the first switch on. */
    public boolean inspects(UpstreamTarget target) {
        return target.generation() > 0;
    }

    /**
     * Rewrites, in place, the producer ids of this Produce request's idempotent batches that the
     * target cluster did not issue, unless the request must instead be answered so that the producer
     * restarts some partitions' sequences (see {@link SequenceStartGuard}; only for clients known to
     * take that answer safely). Fails when the target would not issue an id, or when a switch made
     * the connection's generation history (the caller closes the connection, and the client retries).
     */
    public CompletableFuture<ProduceVerdict> prepare(ByteBuf frame, short version, UpstreamTarget target,
                                                     ClientSoftware software) {
        if (frame.nioBufferCount() != 1) {
            throw new InvalidFrameException("a Produce frame in several buffers cannot be rewritten in place");
        }
        List<BatchAt> batches = idempotentBatches(frame, version);
        if (batches.isEmpty()) {
            return CompletableFuture.completedFuture(ProduceVerdict.FORWARD);
        }
        Optional<Ids> ofTarget = ids.of(target.generation());
        if (ofTarget.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the gateway switched clusters meanwhile"));
        }
        Ids current = ofTarget.get();
        List<Mapping> mappings = new ArrayList<>();
        for (BatchAt batch : batches) {
            boolean issued = current.issued().contains(batch.producerId());
            mappings.add(new Mapping(batch, !issued, issued
                    ? CompletableFuture.completedFuture(batch.producerId())
                    : current.mapped().compute(batch.producerId(), (id, known) ->
                            known == null || known.isCompletedExceptionally() ? allocate(id, target.cluster()) : known)));
        }
        // KIP-360: from 2.5 the Java client answers UNKNOWN_PRODUCER_ID by renumbering from sequence 0.
        // librdkafka instead fails a retried batch for good on it, and never reorders as the guard fears.
        boolean guarded = software.isJavaClientFrom(2, 5);
        return CompletableFuture.allOf(mappings.stream().map(Mapping::id).toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            if (guarded) {
                ProduceVerdict verdict = sequenceStarts.check(mappings.stream().map(Mapping::mapped).toList(), target);
                if (!verdict.forward()) {
                    return verdict;
                }
            }
            mappings.forEach(mapping -> mapping.batch().rewriteTo(mapping.id().join()));
            return ProduceVerdict.FORWARD;
        });
    }

    /** A batch, whether its producer id is one the cluster did not issue, and the id it goes out with. */
    private record Mapping(BatchAt batch, boolean remapped, CompletableFuture<Long> id) {
        SequenceStartGuard.MappedBatch mapped() {
            return new SequenceStartGuard.MappedBatch(id.join(), remapped, batch.partition(), batch.baseSequence());
        }
    }

    /** A failed allocation stays in the map only until the next Produce of that producer replaces it. */
    private CompletableFuture<Long> allocate(long clientId, ClusterConfig cluster) {
        return issueWithRetries(cluster, ALLOCATION_ATTEMPTS).thenApply(issued -> {
            LOG.info("Producer id {} was not issued by cluster '{}'; its batches there carry producer id {}",
                    clientId, cluster.name(), issued);
            return issued;
        });
    }

    /** A cluster that just became active may still be loading its coordinators: ask again a few times. */
    private CompletableFuture<Long> issueWithRetries(ClusterConfig cluster, int attemptsLeft) {
        return probe.initProducerId(cluster).thenApply(InitProducerIdResponseData::producerId)
                .exceptionallyCompose(error -> {
                    if (attemptsLeft > 1 && isRetriable(error)) {
                        return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(RETRY_BACKOFF_MILLIS, TimeUnit.MILLISECONDS))
                                .thenCompose(ignored -> issueWithRetries(cluster, attemptsLeft - 1));
                    }
                    return CompletableFuture.failedFuture(error);
                });
    }

    private static boolean isRetriable(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof RetriableException;
    }

    /** One idempotent batch inside the frame's memory. */
    private record BatchAt(ByteBuffer batch, long producerId, int baseSequence, ProduceVerdict.Partition partition) {
        void rewriteTo(long producerId) {
            if (producerId == this.producerId) {
                return;
            }
            batch.putLong(PRODUCER_ID_OFFSET, producerId);
            batch.putInt(CRC_OFFSET, (int) Crc32C.compute(batch, ATTRIBUTES_OFFSET, batch.limit() - ATTRIBUTES_OFFSET));
        }
    }

    private static List<BatchAt> idempotentBatches(ByteBuf frame, short version) {
        ProduceRequestData request = (ProduceRequestData) RequestCodec.decodeBody(frame, ApiKeys.PRODUCE, version);
        List<BatchAt> found = new ArrayList<>();
        try {
            for (ProduceRequestData.TopicProduceData topic : request.topicData()) {
                for (ProduceRequestData.PartitionProduceData partition : topic.partitionData()) {
                    if (partition.records() instanceof MemoryRecords records) {
                        collect(records, new ProduceVerdict.Partition(topic.name(), topic.topicId(), partition.index()), found);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new InvalidFrameException("Produce v" + version + " request cannot be decoded: " + e.getMessage());
        }
        return found;
    }

    private static void collect(MemoryRecords records, ProduceVerdict.Partition partition, List<BatchAt> found) {
        ByteBuffer memory = records.buffer(); // a view of the frame, not a copy
        int position = memory.position();
        for (MutableRecordBatch batch : records.batches()) {
            int size = batch.sizeInBytes();
            if (batch.magic() >= RecordBatch.MAGIC_VALUE_V2 && batch.hasProducerId() && !batch.isTransactional()) {
                ByteBuffer view = memory.duplicate();
                view.position(position).limit(position + size);
                found.add(new BatchAt(view.slice(), batch.producerId(), batch.baseSequence(), partition));
            }
            position += size;
        }
    }
}
