package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;
import io.kafkafailover.gateway.proxy.ResponseFilter;
import io.kafkafailover.gateway.proxy.ResponseFilters;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ShareAcknowledgeResponseData;
import org.apache.kafka.common.message.ShareFetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rewrites every broker address a backend hands out to the gateway port that stands for that
 * broker, so that clients always come back through the gateway. Node ids pass through unchanged;
 * the addresses seen on the way are remembered in the {@link BrokerDirectory}.
 */
public final class BrokerAddressFilter {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerAddressFilter.class);
    private static final int FIRST_PRODUCE_VERSION_WITH_NODE_ENDPOINTS = 10;
    private static final int FIRST_FETCH_VERSION_WITH_NODE_ENDPOINTS = 16;
    /**
     * The highest Fetch version the gateway advertises. From v16 on a Fetch response may end with
     * broker endpoints (KIP-951), known only once its last byte is in: such a response has to be
     * held whole and decoded before its first byte may go on. Below v16 Fetch responses carry no
     * address and stream through (see ResponseSplitter); a client whose partition leader moved
     * refreshes its metadata instead, as every client did before KIP-951.
     */
    public static final short LAST_ADVERTISED_FETCH_VERSION = FIRST_FETCH_VERSION_WITH_NODE_ENDPOINTS - 1;
    private static final int FIRST_BATCHED_FIND_COORDINATOR_VERSION = 4;

    private final String advertisedHost;
    private final BrokerPorts ports;
    private final BrokerDirectory directory;
    private final Set<String> reportedOutOfRange = ConcurrentHashMap.newKeySet();

    public BrokerAddressFilter(String advertisedHost, BrokerPorts ports, BrokerDirectory directory) {
        this.advertisedHost = advertisedHost;
        this.ports = ports;
        this.directory = directory;
    }

    /** Registers this filter for every api whose responses carry broker addresses. */
    public ResponseFilters registerOn(ResponseFilters filters) {
        return filters
                .add(ApiKeys.METADATA, 0, this::metadata)
                .add(ApiKeys.FIND_COORDINATOR, 0, this::findCoordinator)
                .add(ApiKeys.DESCRIBE_CLUSTER, 0, this::describeCluster)
                .add(ApiKeys.PRODUCE, FIRST_PRODUCE_VERSION_WITH_NODE_ENDPOINTS, this::produce)
                .add(ApiKeys.FETCH, FIRST_FETCH_VERSION_WITH_NODE_ENDPOINTS, this::fetch)
                .add(ApiKeys.SHARE_FETCH, 0, this::shareFetch)
                .add(ApiKeys.SHARE_ACKNOWLEDGE, 0, this::shareAcknowledge);
    }

    private boolean metadata(ApiMessage body, short version, ClusterConfig cluster) {
        MetadataResponseData response = (MetadataResponseData) body;
        for (MetadataResponseData.MetadataResponseBroker broker : response.brokers()) {
            directory.learn(cluster, broker.nodeId(), broker.host(), broker.port());
            broker.setHost(advertisedHost).setPort(portFor(cluster, broker.nodeId()));
        }
        return !response.brokers().isEmpty();
    }

    private boolean findCoordinator(ApiMessage body, short version, ClusterConfig cluster) {
        FindCoordinatorResponseData response = (FindCoordinatorResponseData) body;
        boolean changed = false;
        if (version < FIRST_BATCHED_FIND_COORDINATOR_VERSION && response.nodeId() >= 0) { // one coordinator, top-level
            directory.learn(cluster, response.nodeId(), response.host(), response.port());
            response.setHost(advertisedHost).setPort(portFor(cluster, response.nodeId()));
            changed = true;
        }
        for (FindCoordinatorResponseData.Coordinator coordinator : response.coordinators()) { // batched (KIP-699)
            if (coordinator.nodeId() >= 0) {
                directory.learn(cluster, coordinator.nodeId(), coordinator.host(), coordinator.port());
                coordinator.setHost(advertisedHost).setPort(portFor(cluster, coordinator.nodeId()));
                changed = true;
            }
        }
        return changed;
    }

    private boolean describeCluster(ApiMessage body, short version, ClusterConfig cluster) {
        DescribeClusterResponseData response = (DescribeClusterResponseData) body;
        for (DescribeClusterResponseData.DescribeClusterBroker broker : response.brokers()) {
            directory.learn(cluster, broker.brokerId(), broker.host(), broker.port());
            broker.setHost(advertisedHost).setPort(portFor(cluster, broker.brokerId()));
        }
        return !response.brokers().isEmpty();
    }

    // KIP-951: Produce and Fetch responses name the new leader's endpoint when leadership moved.

    private boolean produce(ApiMessage body, short version, ClusterConfig cluster) {
        ProduceResponseData.NodeEndpointCollection endpoints = ((ProduceResponseData) body).nodeEndpoints();
        endpoints.forEach(node -> node.setHost(advertisedHost).setPort(portFor(cluster, node.nodeId())));
        return !endpoints.isEmpty();
    }

    private boolean fetch(ApiMessage body, short version, ClusterConfig cluster) {
        FetchResponseData.NodeEndpointCollection endpoints = ((FetchResponseData) body).nodeEndpoints();
        endpoints.forEach(node -> node.setHost(advertisedHost).setPort(portFor(cluster, node.nodeId())));
        return !endpoints.isEmpty();
    }

    private boolean shareFetch(ApiMessage body, short version, ClusterConfig cluster) {
        ShareFetchResponseData.NodeEndpointCollection endpoints = ((ShareFetchResponseData) body).nodeEndpoints();
        endpoints.forEach(node -> node.setHost(advertisedHost).setPort(portFor(cluster, node.nodeId())));
        return !endpoints.isEmpty();
    }

    private boolean shareAcknowledge(ApiMessage body, short version, ClusterConfig cluster) {
        ShareAcknowledgeResponseData.NodeEndpointCollection endpoints = ((ShareAcknowledgeResponseData) body).nodeEndpoints();
        endpoints.forEach(node -> node.setHost(advertisedHost).setPort(portFor(cluster, node.nodeId())));
        return !endpoints.isEmpty();
    }

    /**
     * A broker whose id has no port is a configuration error; it is sent to the bootstrap port
     * (served, never refused) and reported once with the setting to change.
     */
    private int portFor(ClusterConfig cluster, int nodeId) {
        OptionalInt port = ports.portFor(cluster, nodeId);
        if (port.isPresent()) {
            return port.getAsInt();
        }
        if (reportedOutOfRange.add(cluster.name() + "/" + nodeId)) {
            LOG.error("cluster '{}': broker {} has no gateway port; ports cover {}. Adjust the cluster's "
                    + "gateway.node.id.base or GATEWAY_PORT_COUNT", cluster.name(), nodeId, ports.describeRange(cluster));
        }
        return ports.bootstrapPort();
    }
}
