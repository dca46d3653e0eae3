package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Decides, for a new client connection, which backend broker it talks to: the active cluster's
 * bootstrap servers for the bootstrap port, the broker a broker port stands for otherwise. A port
 * whose broker the active cluster lacks (it has fewer brokers, or one is gone) is served like the
 * bootstrap port, so the client can refresh its metadata and move on instead of being refused;
 * Produce requests there are answered NOT_LEADER_OR_FOLLOWER by the gateway (see ClientHandler).
 */
public final class UpstreamRouter {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamRouter.class);

    private final ActiveCluster active;
    private final BrokerPorts ports;
    private final BrokerDirectory directory;

    public UpstreamRouter(ActiveCluster active, BrokerPorts ports, BrokerDirectory directory) {
        this.active = active;
        this.ports = ports;
        this.directory = directory;
    }

    /** Whether no switch happened since {@code target} was chosen. */
    public boolean isCurrent(UpstreamTarget target) {
        return target.generation() == active.state().generation();
    }

    public CompletableFuture<UpstreamTarget> route(int localPort) {
        ActiveCluster.State state = active.state();
        ClusterConfig cluster = state.cluster();
        long generation = state.generation();
        OptionalInt nodeId = ports.nodeIdFor(cluster, localPort);
        if (nodeId.isEmpty()) {
            return CompletableFuture.completedFuture(bootstrap(cluster, generation, "bootstrap", false));
        }
        return directory.lookup(cluster, nodeId.getAsInt()).thenApply(address -> {
            if (address.isPresent()) {
                return new UpstreamTarget(cluster, generation, List.of(address.get()), "broker " + nodeId.getAsInt());
            }
            LOG.info("cluster '{}' has no broker {} for port {}; serving it like the bootstrap port",
                    cluster.name(), nodeId.getAsInt(), localPort);
            return bootstrap(cluster, generation, "bootstrap, standing in for missing broker " + nodeId.getAsInt(), true);
        });
    }

    /** Bootstrap servers in a shuffled order, so that gateways spread their load and skip a dead first entry. */
    private static UpstreamTarget bootstrap(ClusterConfig cluster, long generation, String description, boolean standIn) {
        List<InetSocketAddress> candidates = new ArrayList<>();
        for (String server : cluster.bootstrapAddresses()) {
            candidates.add(InetSocketAddress.createUnresolved(Utils.getHost(server), Utils.getPort(server)));
        }
        Collections.shuffle(candidates);
        return new UpstreamTarget(cluster, generation, candidates, description, standIn);
    }
}
