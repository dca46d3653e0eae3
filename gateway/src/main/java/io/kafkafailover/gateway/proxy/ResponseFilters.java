package io.kafkafailover.gateway.proxy;

import io.kafkafailover.config.ClusterConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.apache.kafka.common.protocol.ApiKeys;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which responses are decoded at all, and by which filters. Every other response, Produce and Fetch
 * payloads included, is forwarded without being parsed or copied.
 */
public final class ResponseFilters {
    private record Registration(short fromVersion, ResponseFilter filter) {
    }

    private final Map<ApiKeys, List<Registration>> byApi = new EnumMap<>(ApiKeys.class);

    /** Runs {@code filter} on responses to {@code apiKey} requests of version {@code fromVersion} and later. */
    public ResponseFilters add(ApiKeys apiKey, int fromVersion, ResponseFilter filter) {
        byApi.computeIfAbsent(apiKey, key -> new ArrayList<>()).add(new Registration((short) fromVersion, filter));
        return this;
    }

    public boolean inspects(RequestInfo request) {
        List<Registration> registrations = byApi.get(request.apiKey());
        if (registrations == null) {
            return false;
        }
        for (Registration registration : registrations) {
            if (request.apiVersion() >= registration.fromVersion()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the frame to send to the client: {@code frame} itself when nothing changed, else a
     * new frame, in which case {@code frame} has been released.
     */
    public ByteBuf apply(RequestInfo request, ByteBuf frame, ClusterConfig cluster, ByteBufAllocator allocator) {
        if (!inspects(request)) {
            return frame;
        }
        ResponseCodec.Decoded response = ResponseCodec.decode(frame, request.apiKey(), request.apiVersion());
        boolean changed = false;
        for (Registration registration : byApi.get(request.apiKey())) {
            if (request.apiVersion() >= registration.fromVersion()) {
                changed |= registration.filter().apply(response.body(), response.version(), cluster);
            }
        }
        if (!changed) {
            return frame;
        }
        ByteBuf rewritten = ResponseCodec.encode(allocator, response);
        frame.release();
        return rewritten;
    }
}
