package io.kafkafailover.gateway.proxy;

import org.apache.kafka.common.protocol.ApiKeys;

/** What the gateway remembers of a request until its response arrives: responses carry no api key. */
public record RequestInfo(ApiKeys apiKey, short apiVersion, int correlationId, boolean expectsResponse) {
}
