package io.kafkafailover.gateway.routing;

import io.kafkafailover.config.ClusterConfig;

import java.util.OptionalInt;

/**
 * The fixed mapping between gateway ports and backend brokers.
 *
 * <p>The bootstrap port comes first; broker port {@code portStart + 1 + (nodeId - base)} stands for
 * the broker with that node id, where {@code base} is the cluster's {@code gateway.node.id.base}.
 * It is a pure function of configuration, so every gateway instance maps ports the same way without
 * talking to the others, a broker keeps its port while it restarts, and two clusters with disjoint
 * id ranges (main 1,2,3 and failover 101,102 with base 100) share the same ports.
 */
public final class BrokerPorts {
    private final int portStart;
    private final int portCount;

    public BrokerPorts(int portStart, int portCount) {
        this.portStart = portStart;
        this.portCount = portCount;
    }

    public int bootstrapPort() {
        return portStart;
    }

    /** How many broker ports follow the bootstrap port. */
    public int brokerPortCount() {
        return portCount;
    }

    public int brokerPort(int slot) {
        return portStart + 1 + slot;
    }

    /** The port that stands for this broker, or empty when its id falls outside the port range. */
    public OptionalInt portFor(ClusterConfig cluster, int nodeId) {
        int slot = nodeId - cluster.nodeIdBase();
        return slot >= 0 && slot < portCount ? OptionalInt.of(brokerPort(slot)) : OptionalInt.empty();
    }

    /** The node id a broker port stands for on this cluster, or empty for the bootstrap port. */
    public OptionalInt nodeIdFor(ClusterConfig cluster, int port) {
        int slot = port - portStart - 1;
        return slot >= 0 && slot < portCount ? OptionalInt.of(cluster.nodeIdBase() + slot) : OptionalInt.empty();
    }

    /** Says which ids fit, for error messages that must tell the operator what to change. */
    public String describeRange(ClusterConfig cluster) {
        return "node ids " + cluster.nodeIdBase() + ".." + (cluster.nodeIdBase() + portCount - 1)
                + " (gateway.node.id.base=" + cluster.nodeIdBase() + ", GATEWAY_PORT_COUNT=" + portCount + ")";
    }
}
