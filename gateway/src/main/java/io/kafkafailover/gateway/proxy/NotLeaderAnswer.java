package io.kafkafailover.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.ResponseHeader;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's own answer to a Produce request that reached a port whose broker the active cluster
 * lacks: NOT_LEADER_OR_FOLLOWER for every partition, so that the client refreshes its metadata and
 * sends the batch to the port of the real leader. Forwarding it to a stand-in broker instead would
 * let batches of one partition reach the leader over two connections, out of order; an idempotent
 * librdkafka producer then takes an earlier batch for already written.
 */
final class NotLeaderAnswer {
    private NotLeaderAnswer() {
    }

    static ByteBuf forProduce(ByteBufAllocator allocator, ByteBuf frame, RequestInfo request) {
        ByteBuffer buffer = frame.nioBuffer(frame.readerIndex() + KafkaFrameDecoder.SIZE_PREFIX_BYTES,
                frame.readableBytes() - KafkaFrameDecoder.SIZE_PREFIX_BYTES);
        ProduceRequestData produce;
        try {
            RequestHeader.parse(buffer);
            produce = new ProduceRequestData(new ByteBufferAccessor(buffer), request.apiVersion());
        } catch (RuntimeException e) {
            throw new InvalidFrameException("Produce v" + request.apiVersion() + " request cannot be decoded: " + e.getMessage());
        }
        ProduceResponseData response = new ProduceResponseData();
        for (ProduceRequestData.TopicProduceData topic : produce.topicData()) {
            List<ProduceResponseData.PartitionProduceResponse> partitions = new ArrayList<>();
            for (ProduceRequestData.PartitionProduceData partition : topic.partitionData()) {
                partitions.add(new ProduceResponseData.PartitionProduceResponse()
                        .setIndex(partition.index())
                        .setErrorCode(Errors.NOT_LEADER_OR_FOLLOWER.code())
                        .setBaseOffset(-1)
                        .setLogAppendTimeMs(-1)
                        .setLogStartOffset(-1));
            }
            response.responses().add(new ProduceResponseData.TopicProduceResponse()
                    .setName(topic.name()).setTopicId(topic.topicId()).setPartitionResponses(partitions));
        }
        ResponseHeader header = new ResponseHeader(request.correlationId(), ApiKeys.PRODUCE.responseHeaderVersion(request.apiVersion()));
        return ResponseCodec.encode(allocator, new ResponseCodec.Decoded(header, response, request.apiVersion()));
    }
}
