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
    /** Failover's brokers are 101 and 102: with this base they take the same gateway ports as main's 1 and 2. */
    static final int FAILOVER_NODE_ID_BASE = 100;

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
