package io.kafkafailover.gateway.proxy;

import io.kafkafailover.config.ClusterConfig;
import org.apache.kafka.common.protocol.ApiMessage;

/**
 * The seam where responses are changed on their way back to the client. A filter sees the decoded
 * body of one api's responses and edits it in place.
 */
public interface ResponseFilter {
    /**
     * @param cluster the backend cluster that sent the response
     * @return whether the body was changed (an unchanged response is forwarded byte for byte)
     */
    boolean apply(ApiMessage body, short version, ClusterConfig cluster);
}
