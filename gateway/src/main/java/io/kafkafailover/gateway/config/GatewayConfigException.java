package io.kafkafailover.gateway.config;

/** A gateway setting that cannot be used; the message names the setting and never echoes a secret. */
public final class GatewayConfigException extends RuntimeException {
    public GatewayConfigException(String key, String problem) {
        super(key + ": " + problem);
    }
}
