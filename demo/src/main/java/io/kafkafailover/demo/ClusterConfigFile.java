package io.kafkafailover.demo;

import io.kafkafailover.testkit.KafkaCluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cluster configuration file of the demo, in the form users write for their own clusters, so
 * that the demo gateway starts down the same path as a production one.
 */
final class ClusterConfigFile {
    static final String FILE_NAME = "cluster-config.yaml";
    /**
     * Main's brokers 1, 2, 3 take broker ports 1-3 (base 0); with this base failover's 101 and 102
     * take ports 4 and 5 of their own, so that no port leads to a broker of each cluster.
     */
    static final int FAILOVER_NODE_ID_BASE = 97;

    private ClusterConfigFile() {
    }

    static String render(KafkaCluster main, KafkaCluster failover) {
        return """
                # The kafka-failover demo's backend clusters (see "Cluster configuration" in the README).
                config:
                  main:
                    bootstrap.servers: %s
                    security.protocol: PLAINTEXT
                  failover:
                    bootstrap.servers: %s
                    security.protocol: PLAINTEXT
                    gateway.roles: failover
                    gateway.node.id.base: %d
                """.formatted(main.bootstrapServers(), failover.bootstrapServers(), FAILOVER_NODE_ID_BASE);
    }

    static Path write(Path directory, KafkaCluster main, KafkaCluster failover) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        Files.writeString(file, render(main, failover), StandardCharsets.UTF_8);
        return file;
    }
}
