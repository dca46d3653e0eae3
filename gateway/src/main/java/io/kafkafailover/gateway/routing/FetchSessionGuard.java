package io.kafkafailover.gateway.routing;

import io.kafkafailover.gateway.proxy.InvalidFrameException;
import io.kafkafailover.gateway.proxy.KafkaFrameDecoder;
import io.kafkafailover.gateway.proxy.RequestInfo;
import io.kafkafailover.gateway.proxy.RequestPeek;
import io.netty.buffer.ByteBuf;
import org.apache.kafka.common.protocol.ApiKeys;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps fetch session ids on the cluster that issued them (DESIGN pitfall 5). Fetch sessions
 * (KIP-227) live on one broker; a consumer moved by a switch still names its old session, and on the
 * new cluster that id may belong to another consumer, whose session it would close (epoch 0) or
 * corrupt (an incremental fetch). A session id this gateway has not seen the active cluster issue
 * since the switch is cleared in place: the consumer then gets a sessionless answer and starts a new
 * session, which its client handles as a closed session. Costs one full fetch, never a wrong one.
 */
public final class FetchSessionGuard {
    public static final short FIRST_VERSION_WITH_SESSIONS = 7;
    private static final short FIRST_VERSION_WITHOUT_REPLICA_ID = 15;
    private static final short FIRST_FLEXIBLE_VERSION = 12;
    private static final int INVALID_SESSION_ID = 0;
    private static final int INITIAL_EPOCH = 0;
    private static final int FINAL_EPOCH = -1;
    /** Beyond this many remembered sessions, start over: forgetting costs a full fetch, nothing more. */
    private static final int MAX_REMEMBERED = 100_000;

    private final PerSwitch<Set<Integer>> issued;

    public FetchSessionGuard(ActiveCluster active) {
        this.issued = new PerSwitch<>(active, ConcurrentHashMap::newKeySet);
    }

    /** Clears, in place, a session id in this Fetch request that the active cluster did not issue. */
    public void prepare(ByteBuf frame, RequestInfo request, UpstreamTarget target) {
        if (request.apiVersion() < FIRST_VERSION_WITH_SESSIONS) {
            return;
        }
        int sessionIdIndex = sessionIdIndex(frame, request);
        int sessionId = frame.getInt(sessionIdIndex);
        if (sessionId == INVALID_SESSION_ID || issued.of(target.generation()).map(ids -> ids.contains(sessionId)).orElse(false)) {
            return;
        }
        int epoch = frame.getInt(sessionIdIndex + 4);
        frame.setInt(sessionIdIndex, INVALID_SESSION_ID);
        // A full fetch that would have opened a new session still does; an incremental one becomes sessionless.
        frame.setInt(sessionIdIndex + 4, epoch == INITIAL_EPOCH ? INITIAL_EPOCH : FINAL_EPOCH);
    }

    /** Remembers the session id of a Fetch response from the active cluster. */
    public void observe(ByteBuf frame, RequestInfo request, UpstreamTarget target) {
        if (request.apiVersion() < FIRST_VERSION_WITH_SESSIONS) {
            return;
        }
        Optional<Set<Integer>> sessions = issued.of(target.generation());
        if (sessions.isEmpty()) {
            return; // from a cluster that is no longer active
        }
        int index = frame.readerIndex() + KafkaFrameDecoder.SIZE_PREFIX_BYTES + 4; // after the correlation id
        if (request.apiVersion() >= FIRST_FLEXIBLE_VERSION) {
            index = skipTaggedFields(frame, index);
        }
        index += 4 + 2; // throttle time, error code
        requireReadable(frame, index, 4);
        int sessionId = frame.getInt(index);
        if (sessionId != INVALID_SESSION_ID) {
            Set<Integer> remembered = sessions.get();
            if (remembered.size() > MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.add(sessionId);
        }
    }

    private static int sessionIdIndex(ByteBuf frame, RequestInfo request) {
        int body = RequestPeek.bodyIndex(frame, request);
        // replica id (until v14), max wait, min bytes, max bytes, isolation level
        int index = body + (request.apiVersion() < FIRST_VERSION_WITHOUT_REPLICA_ID ? 4 : 0) + 4 + 4 + 4 + 1;
        requireReadable(frame, index, 8);
        return index;
    }

    private static int skipTaggedFields(ByteBuf frame, int index) {
        int[] cursor = {index};
        int count = readUnsignedVarint(frame, cursor);
        for (int i = 0; i < count; i++) {
            readUnsignedVarint(frame, cursor);
            int size = readUnsignedVarint(frame, cursor);
            cursor[0] += size;
        }
        return cursor[0];
    }

    private static int readUnsignedVarint(ByteBuf frame, int[] cursor) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            requireReadable(frame, cursor[0], 1);
            byte b = frame.getByte(cursor[0]++);
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new InvalidFrameException("malformed varint in a Fetch response header");
    }

    private static void requireReadable(ByteBuf frame, int index, int bytes) {
        if (index < frame.readerIndex() || index + bytes > frame.writerIndex()) {
            throw new InvalidFrameException(ApiKeys.FETCH + " frame is truncated");
        }
    }
}
