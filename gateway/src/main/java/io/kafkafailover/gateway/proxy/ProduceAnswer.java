package io.kafkafailover.gateway.proxy;

import io.kafkafailover.gateway.routing.ProduceVerdict;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ResponseHeader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The gateway's own answers to Produce requests it does not forward; nothing of them is written. */
final class ProduceAnswer {
    /** Any value but -1, which makes a Java client retry unchanged instead of renumbering. */
    private static final long KNOWN_LOG_START_OFFSET = 0;

    private ProduceAnswer() {
    }

    /**
     * For a request that reached a port whose broker the active cluster lacks: NOT_LEADER_OR_FOLLOWER
     * for every partition, so that the client refreshes its metadata and sends the batch to the port
     * of the real leader. Forwarding it to a stand-in broker instead would let batches of one
     * partition reach the leader over two connections, out of order; an idempotent librdkafka
     * producer then takes an earlier batch for already written.
     */
    static ByteBuf notLeader(ByteBufAllocator allocator, ByteBuf frame, RequestInfo request) {
        return answer(allocator, frame, request, Set.of());
    }

    /**
     * UNKNOWN_PRODUCER_ID for the partitions whose sequences must restart from 0 (see the routing
     * package's SequenceStartGuard); the request's other partitions are retried as after a leader
     * change, since none of the request was written.
     */
    static ByteBuf restartSequences(ByteBufAllocator allocator, ByteBuf frame, RequestInfo request,
                                    Set<ProduceVerdict.Partition> restart) {
        return answer(allocator, frame, request, restart);
    }

    private static ByteBuf answer(ByteBufAllocator allocator, ByteBuf frame, RequestInfo request,
                                  Set<ProduceVerdict.Partition> restart) {
        ProduceRequestData produce = (ProduceRequestData) RequestCodec.decodeBody(frame, ApiKeys.PRODUCE, request.apiVersion());
        ProduceResponseData response = new ProduceResponseData();
        for (ProduceRequestData.TopicProduceData topic : produce.topicData()) {
            List<ProduceResponseData.PartitionProduceResponse> partitions = new ArrayList<>();
            for (ProduceRequestData.PartitionProduceData partition : topic.partitionData()) {
                boolean restarts = restart.contains(new ProduceVerdict.Partition(topic.name(), topic.topicId(), partition.index()));
                partitions.add(new ProduceResponseData.PartitionProduceResponse()
                        .setIndex(partition.index())
                        .setErrorCode(restarts ? Errors.UNKNOWN_PRODUCER_ID.code() : Errors.NOT_LEADER_OR_FOLLOWER.code())
                        .setBaseOffset(-1)
                        .setLogAppendTimeMs(-1)
                        .setLogStartOffset(restarts ? KNOWN_LOG_START_OFFSET : -1));
            }
            response.responses().add(new ProduceResponseData.TopicProduceResponse()
                    .setName(topic.name()).setTopicId(topic.topicId()).setPartitionResponses(partitions));
        }
        ResponseHeader header = new ResponseHeader(request.correlationId(), ApiKeys.PRODUCE.responseHeaderVersion(request.apiVersion()));
        return ResponseCodec.encode(allocator, new ResponseCodec.Decoded(header, response, request.apiVersion()));
    }
}
