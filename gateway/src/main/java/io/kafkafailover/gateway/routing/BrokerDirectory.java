package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.message.MetadataResponseData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each backend broker listens. Learned for free from the Metadata responses that pass through
 * the gateway; when a client reaches a broker port this gateway has not yet seen an address for (it
 * learned the port through another gateway instance), the directory asks the cluster itself.
 */
public final class BrokerDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerDirectory.class);

    private final BackendProbe probe;
    private final Map<String, Map<Integer, InetSocketAddress>> addresses = new ConcurrentHashMap<>();

    public BrokerDirectory(BackendProbe probe) {
        this.probe = probe;
    }

    public void learn(ClusterConfig cluster, int nodeId, String host, int port) {
        InetSocketAddress address = InetSocketAddress.createUnresolved(host, port);
        InetSocketAddress previous = brokersOf(cluster).put(nodeId, address);
        if (!address.equals(previous)) {
            LOG.debug("cluster '{}': broker {} is at {}:{}", cluster.name(), nodeId, host, port);
        }
    }

    public Optional<InetSocketAddress> known(ClusterConfig cluster, int nodeId) {
        return Optional.ofNullable(brokersOf(cluster).get(nodeId));
    }

    /** The broker's address, asking the cluster when it is not known yet; empty if it has no such broker. */
    public CompletableFuture<Optional<InetSocketAddress>> lookup(ClusterConfig cluster, int nodeId) {
        Optional<InetSocketAddress> known = known(cluster, nodeId);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known);
        }
        return describe(cluster).handle((nodes, error) -> {
            if (error != null) {
                LOG.warn("cluster '{}': cannot list its brokers: {}", cluster.name(), rootMessage(error));
            }
            return known(cluster, nodeId);
        });
    }

    /** Asks the cluster for its brokers (as the gateway, with its credentials) and remembers their addresses. */
    public CompletableFuture<List<Node>> describe(ClusterConfig cluster) {
        return probe.metadata(cluster).thenApply(metadata -> {
            List<Node> nodes = metadata.brokers().stream()
                    .map(broker -> new Node(broker.nodeId(), broker.host(), broker.port(), broker.rack())).toList();
            for (MetadataResponseData.MetadataResponseBroker broker : metadata.brokers()) {
                learn(cluster, broker.nodeId(), broker.host(), broker.port());
            }
            return nodes;
        });
    }

    private Map<Integer, InetSocketAddress> brokersOf(ClusterConfig cluster) {
        return addresses.computeIfAbsent(cluster.name(), name -> new ConcurrentHashMap<>());
    }

    /** The innermost cause, which is what tells an operator what went wrong. */
    public static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
