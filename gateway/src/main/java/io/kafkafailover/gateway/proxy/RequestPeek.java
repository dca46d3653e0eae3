package io.kafkafailover.gateway.proxy;

import io.netty.buffer.ByteBuf;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * Reads just enough of a request frame to route and track it, without decoding or copying it:
 * the api key, version and correlation id, and for Produce the {@code acks} field, because an
 * acks=0 Produce gets no response and must not be tracked.
 */
public final class RequestPeek {
    private static final int HEADER_FIXED_BYTES = 8; // api key, api version, correlation id
    private static final short PRODUCE_FIRST_FLEXIBLE_VERSION = 9;

    private RequestPeek() {
    }

    /** @param frame a whole frame, size prefix included; its indexes are left untouched */
    public static RequestInfo peek(ByteBuf frame) {
        int start = frame.readerIndex() + KafkaFrameDecoder.SIZE_PREFIX_BYTES;
        int end = frame.writerIndex();
        if (end - start < HEADER_FIXED_BYTES) {
            throw new InvalidFrameException("request of " + (end - start) + " bytes is shorter than a request header");
        }
        short apiKeyId = frame.getShort(start);
        short version = frame.getShort(start + 2);
        int correlationId = frame.getInt(start + 4);
        if (!ApiKeys.hasId(apiKeyId)) {
            throw new InvalidFrameException("unknown api key " + apiKeyId);
        }
        ApiKeys apiKey = ApiKeys.forId(apiKeyId);
        // A version the gateway does not know is refused by the caller before anything reads its body.
        boolean expectsResponse = apiKey != ApiKeys.PRODUCE || !apiKey.isVersionSupported(version)
                || acks(frame, start, end, apiKey, version) != 0;
        return new RequestInfo(apiKey, version, correlationId, expectsResponse);
    }

    /** Where the request body starts in a frame already accepted by {@link #peek}. */
    public static int bodyIndex(ByteBuf frame, RequestInfo request) {
        int start = frame.readerIndex() + KafkaFrameDecoder.SIZE_PREFIX_BYTES;
        Cursor cursor = new Cursor(frame, start + HEADER_FIXED_BYTES, frame.writerIndex());
        cursor.skipNullableString();
        if (request.apiKey().requestHeaderVersion(request.apiVersion()) >= 2) {
            cursor.skipTaggedFields();
        }
        return cursor.position;
    }

    /** The client id of a request frame already accepted by {@link #peek}; empty when it has none. */
    public static String clientId(ByteBuf frame) {
        int start = frame.readerIndex() + KafkaFrameDecoder.SIZE_PREFIX_BYTES + HEADER_FIXED_BYTES;
        Cursor cursor = new Cursor(frame, start, frame.writerIndex());
        int length = cursor.readShort();
        if (length <= 0) {
            return "";
        }
        cursor.require(length);
        return frame.toString(start + 2, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static short acks(ByteBuf frame, int start, int end, ApiKeys apiKey, short version) {
        Cursor cursor = new Cursor(frame, start + HEADER_FIXED_BYTES, end);
        cursor.skipNullableString(); // client id: a classic string in every header version
        if (apiKey.requestHeaderVersion(version) >= 2) {
            cursor.skipTaggedFields();
        }
        if (version >= PRODUCE_FIRST_FLEXIBLE_VERSION) {
            cursor.skipCompactNullableString(); // transactional id
        } else {
            cursor.skipNullableString();
        }
        return cursor.readShort();
    }

    /** Bounds-checked reads over a frame, so that a truncated or lying frame is an error, not a crash. */
    private static final class Cursor {
        private final ByteBuf buf;
        private final int end;
        private int position;

        Cursor(ByteBuf buf, int position, int end) {
            this.buf = buf;
            this.position = position;
            this.end = end;
        }

        short readShort() {
            require(2);
            short value = buf.getShort(position);
            position += 2;
            return value;
        }

        void skipNullableString() {
            int length = readShort();
            if (length > 0) {
                skip(length);
            }
        }

        void skipCompactNullableString() {
            int lengthPlusOne = readUnsignedVarint();
            if (lengthPlusOne > 1) {
                skip(lengthPlusOne - 1);
            }
        }

        void skipTaggedFields() {
            int count = readUnsignedVarint();
            for (int i = 0; i < count; i++) {
                readUnsignedVarint(); // tag
                skip(readUnsignedVarint());
            }
        }

        int readUnsignedVarint() {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                require(1);
                byte b = buf.getByte(position++);
                value |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    if (value < 0) {
                        break;
                    }
                    return value;
                }
            }
            throw new InvalidFrameException("malformed varint in request header");
        }

        private void skip(int bytes) {
            require(bytes);
            position += bytes;
        }

        private void require(int bytes) {
            if (bytes < 0 || end - position < bytes) {
                throw new InvalidFrameException("request frame is truncated");
            }
        }
    }
}
