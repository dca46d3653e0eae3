package io.kafkafailover.bench.process;

import io.kafkafailover.bench.Pause;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The harness's handle on the {@link ClustersMain} child JVM: both clusters' addresses and topic
 * administration, talking to the brokers directly.
 */
public final class BrokerClusters implements AutoCloseable {
    public static final String MAIN = "main";
    public static final String FAILOVER = "failover";
    public static final List<Integer> MAIN_BROKER_IDS = List.of(1, 2, 3);
    public static final List<Integer> FAILOVER_BROKER_IDS = List.of(101, 102, 103);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration FILES_REMOVED_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

    private final ChildJvm process;
    private final Map<String, String> bootstrapServers;
    private final Map<String, Admin> admins = new LinkedHashMap<>();
    private final Map<String, List<Path>> logDirectories = new HashMap<>();

    private BrokerClusters(ChildJvm process, Map<String, String> bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        bootstrapServers.forEach((name, servers) -> admins.put(name, Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.CLIENT_ID_CONFIG, "bench-admin-" + name))));
    }

    /** @param cpus where the brokers run: their own CPUs, or wherever the harness does */
    public static BrokerClusters start(BenchPaths paths, List<String> jvmOptions, CpuPlacement cpus) {
        ChildJvm.Spec spec = ChildJvm.Spec.mainClass("brokers", paths.classPath(), ClustersMain.class.getName(),
                        List.of(ids(MAIN_BROKER_IDS), ids(FAILOVER_BROKER_IDS)))
                .withJvmOptions(jvmOptions)
                .withLauncher(cpus.brokerLauncher());
        ChildJvm child = ChildJvm.start(spec, paths.workDirectory());
        try {
            child.awaitLine(ClustersMain.READY_LINE::equals, START_TIMEOUT);
            Map<String, String> servers = new LinkedHashMap<>();
            child.output().stream().filter(line -> line.startsWith(ClustersMain.CLUSTER_LINE)).forEach(line -> {
                String[] parts = line.substring(ClustersMain.CLUSTER_LINE.length()).split(" ");
                servers.put(parts[0], parts[1]);
            });
            return new BrokerClusters(child, servers);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
    }

    private static String ids(List<Integer> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    public String bootstrapServers(String cluster) {
        String servers = bootstrapServers.get(cluster);
        if (servers == null) {
            throw new IllegalArgumentException("No cluster " + cluster);
        }
        return servers;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Creates the topic with every broker as a replica, so acks=all means all three, and returns once
     * every broker hosts its replicas of it. The controller answers before the brokers have taken up
     * their new leaderships, and producers that started at once met NotLeaderOrFollower errors; once,
     * a run stalled on them for over a minute.
     */
    public void createTopic(String cluster, String topic, int partitions) {
        int replicas = brokerIds(cluster).size();
        await(admin(cluster).createTopics(List.of(new NewTopic(topic, partitions, (short) replicas))).all(),
                "create " + topic + " on " + cluster);
        Pause.until(() -> hostedReplicas(cluster, topic) >= (long) partitions * replicas, ADMIN_TIMEOUT, POLL,
                () -> "The brokers of " + cluster + " do not host all replicas of " + topic + " "
                        + ADMIN_TIMEOUT.toSeconds() + " s after its creation");
    }

    private long hostedReplicas(String cluster, String topic) {
        return logDirDescriptions(cluster).values().stream()
                .flatMap(byPath -> byPath.values().stream())
                .flatMap(directory -> directory.replicaInfos().keySet().stream())
                .filter(partition -> partition.topic().equals(topic))
                .count();
    }

    /**
     * Deletes the topic and returns once every broker has removed its files. Removing gigabytes of
     * log that were written back to disk stalls the brokers' appends for a while (on a filesystem
     * mounted with {@code discard}, each removal also trims the freed blocks), and that must not
     * happen during the next run.
     */
    public void deleteTopic(String cluster, String topic) {
        await(admin(cluster).deleteTopics(Set.of(topic)).all(), "delete " + topic + " on " + cluster);
        List<Path> directories = logDirectories.computeIfAbsent(cluster, this::describeLogDirectories);
        Pause.until(() -> directories.stream().noneMatch(directory -> holdsPartitionOf(directory, topic)),
                FILES_REMOVED_TIMEOUT, POLL, () -> "The brokers of " + cluster + " still hold files of the deleted"
                        + " topic " + topic + " after " + FILES_REMOVED_TIMEOUT.toSeconds() + " s, in " + directories);
    }

    /** The brokers run on this machine, so the directories they name are local ones. */
    private List<Path> describeLogDirectories(String cluster) {
        return logDirDescriptions(cluster).values().stream()
                .flatMap(byPath -> byPath.keySet().stream())
                .map(Path::of)
                .toList();
    }

    /** Each broker's log directories, by path, with the replicas each holds. */
    private Map<Integer, Map<String, LogDirDescription>> logDirDescriptions(String cluster) {
        return await(admin(cluster).describeLogDirs(brokerIds(cluster)).allDescriptions(),
                "describe the log directories of " + cluster);
    }

    private static boolean holdsPartitionOf(Path directory, String topic) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.anyMatch(path -> isPartitionDirectory(path.getFileName().toString(), topic));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the broker log directory " + directory, e);
        }
    }

    /** Kafka names a partition's directory {@code <topic>-<partition>}; once deleted, {@code <topic>-<partition>.<id>-delete}. */
    static boolean isPartitionDirectory(String name, String topic) {
        return Pattern.matches(Pattern.quote(topic) + "-\\d+(\\..+)?", name);
    }

    private static List<Integer> brokerIds(String cluster) {
        return MAIN.equals(cluster) ? MAIN_BROKER_IDS : FAILOVER_BROKER_IDS;
    }

    private Admin admin(String cluster) {
        Admin admin = admins.get(cluster);
        if (admin == null) {
            throw new IllegalArgumentException("No cluster " + cluster);
        }
        return admin;
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + what, e);
        }
    }

    @Override
    public void close() {
        admins.values().forEach(admin -> admin.close(Duration.ofSeconds(5)));
        process.close();
    }
}
