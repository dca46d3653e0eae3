package io.kafkafailover.testkit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One KRaft node (a broker or the controller) running in this JVM, as {@code kafka-server-start.sh}
 * would run it: formatted storage plus a {@link KafkaRaftServer}. It can be stopped and started
 * again on the same directory and configuration, which is how a broker restart is simulated.
 */
final class KafkaNode {

    private final int id;
    private final Path directory;
    private final Map<String, String> config;
    private KafkaRaftServer server;

    KafkaNode(int id, Path directory, Map<String, Object> config) {
        this.id = id;
        this.directory = directory;
        // Strings, as in server.properties: KafkaConfig rejects an Integer where it expects a short.
        this.config = config.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> String.valueOf(entry.getValue())));
    }

    int id() {
        return id;
    }

    /** Writes meta.properties (and, on the controller, the bootstrap metadata) like {@code kafka-storage.sh format}. */
    void format(String clusterId) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(id)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(directory.toString()))
                    .setMetadataLogDirectory(directory.toString())
                    .setControllerListenerName(ClientListener.CONTROLLER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format storage of node " + id + " in " + directory, e);
        }
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaRaftServer starting;
        // Kafka's metrics registry is JVM-wide: nodes created concurrently race to register the same JMX beans.
        synchronized (KafkaNode.class) {
            starting = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        }
        try {
            starting.startup();
        } catch (RuntimeException | Error e) {
            stopQuietly(starting);
            throw e;
        }
        server = starting;
    }

    synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        stopping.shutdown();
        stopping.awaitShutdown();
    }

    synchronized boolean isRunning() {
        return server != null;
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException ignored) {
            // the start-up failure is the error worth reporting
        }
    }
}
