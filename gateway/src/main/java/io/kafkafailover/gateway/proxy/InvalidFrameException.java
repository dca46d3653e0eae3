package io.kafkafailover.gateway.proxy;

/** A frame that breaks the Kafka protocol; it costs the sender its connection, nothing more. */
public final class InvalidFrameException extends RuntimeException {
    public InvalidFrameException(String message) {
        super(message);
    }
}
