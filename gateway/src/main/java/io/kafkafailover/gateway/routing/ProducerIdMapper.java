package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.gateway.proxy.InvalidFrameException;
import io.kafkafailover.gateway.proxy.KafkaFrameDecoder;
import io.kafkafailover.gateway.proxy.ResponseFilters;
import io.netty.buffer.ByteBuf;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.utils.Crc32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    public ProducerIdMapper(ActiveCluster active, BackendProbe probe) {
        this.probe = probe;
        this.ids = new PerSwitch<>(active, Ids::new);
    }

    /** Notes the ids that InitProducerId responses hand out, so that they pass unchanged. */
    public ResponseFilters registerOn(ResponseFilters filters) {
        return filters.add(ApiKeys.INIT_PRODUCER_ID, 0, (body, version, cluster) -> {
            InitProducerIdResponseData response = (InitProducerIdResponseData) body;
            Ids current = ids.get();
            if (response.errorCode() == Errors.NONE.code() && ids.isCurrent(cluster.name())) {
                current.issued().add(response.producerId());
            }
            return false;
        });
    }

    /** Whether Produce requests on a connection of this generation need looking at. */
    public boolean inspects(UpstreamTarget target) {
        return target.generation() > 0 && target.generation() == ids.generation();
    }

    /**
     * Rewrites, in place, the producer ids of this Produce request's idempotent batches that the
     * target cluster did not issue. Completes when the frame may be sent; fails when the target
     * would not issue an id (the caller closes the connection, and the client retries).
     */
    public CompletableFuture<Void> prepare(ByteBuf frame, short version, UpstreamTarget target) {
        if (frame.nioBufferCount() != 1) {
            throw new InvalidFrameException("a Produce frame in several buffers cannot be rewritten in place");
        }
        List<BatchAt> batches = idempotentBatches(frame, version);
        if (batches.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Ids current = ids.get();
        List<CompletableFuture<Long>> mappings = new ArrayList<>();
        for (BatchAt batch : batches) {
            mappings.add(current.issued().contains(batch.producerId())
                    ? CompletableFuture.completedFuture(batch.producerId())
                    : current.mapped().compute(batch.producerId(), (id, known) ->
                            known == null || known.isCompletedExceptionally() ? allocate(id, target.cluster()) : known));
        }
        return CompletableFuture.allOf(mappings.toArray(CompletableFuture[]::new)).thenRun(() -> {
            for (int i = 0; i < batches.size(); i++) {
                batches.get(i).rewriteTo(mappings.get(i).join());
            }
        });
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
    private record BatchAt(ByteBuffer batch, long producerId) {
        void rewriteTo(long producerId) {
            if (producerId == this.producerId) {
                return;
            }
            batch.putLong(PRODUCER_ID_OFFSET, producerId);
            batch.putInt(CRC_OFFSET, (int) Crc32C.compute(batch, ATTRIBUTES_OFFSET, batch.limit() - ATTRIBUTES_OFFSET));
        }
    }

    private static List<BatchAt> idempotentBatches(ByteBuf frame, short version) {
        ByteBuffer buffer = frame.nioBuffer(frame.readerIndex() + KafkaFrameDecoder.SIZE_PREFIX_BYTES,
                frame.readableBytes() - KafkaFrameDecoder.SIZE_PREFIX_BYTES);
        List<BatchAt> found = new ArrayList<>();
        try {
            RequestHeader.parse(buffer);
            ProduceRequestData request = new ProduceRequestData(new ByteBufferAccessor(buffer), version);
            for (ProduceRequestData.TopicProduceData topic : request.topicData()) {
                for (ProduceRequestData.PartitionProduceData partition : topic.partitionData()) {
                    if (partition.records() instanceof MemoryRecords records) {
                        collect(records, found);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new InvalidFrameException("Produce v" + version + " request cannot be decoded: " + e.getMessage());
        }
        return found;
    }

    private static void collect(MemoryRecords records, List<BatchAt> found) {
        ByteBuffer memory = records.buffer(); // a view of the frame, not a copy
        int position = memory.position();
        for (MutableRecordBatch batch : records.batches()) {
            int size = batch.sizeInBytes();
            if (batch.magic() >= RecordBatch.MAGIC_VALUE_V2 && batch.hasProducerId() && !batch.isTransactional()) {
                ByteBuffer view = memory.duplicate();
                view.position(position).limit(position + size);
                found.add(new BatchAt(view.slice(), batch.producerId()));
            }
            position += size;
        }
    }
}
