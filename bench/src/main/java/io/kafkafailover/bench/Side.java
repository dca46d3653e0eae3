package io.kafkafailover.bench;

import io.kafkafailover.bench.process.BrokerClusters;

import java.util.List;

/** The two ways a client reaches the brokers in every comparison. */
public enum Side {
    DIRECT("direct"),
    GATEWAY("gateway");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String bootstrapServers(BenchContext context) {
        return this == DIRECT ? context.clusters().bootstrapServers(BrokerClusters.MAIN)
                : context.gateway().bootstrapServers();
    }

    /**
     * Direct first in even rounds, the gateway first in odd ones, so that neither side always runs
     * on a warmer (or more tired) machine.
     */
    public static List<Side> order(int round) {
        return round % 2 == 0 ? List.of(DIRECT, GATEWAY) : List.of(GATEWAY, DIRECT);
    }
}
