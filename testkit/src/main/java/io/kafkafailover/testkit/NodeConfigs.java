package io.kafkafailover.testkit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders the server properties of every node of a test cluster.
 *
 * <p>Each broker listens on 127.0.0.1 twice: CLIENT (the security under test) and INTERNAL
 * (PLAINTEXT, for replication and for the testkit's own bookkeeping). The controller listens on
 * CONTROLLER (PLAINTEXT). Keeping the cluster's own traffic off the CLIENT listener means a test
 * can lock clients out with SASL or ACLs without breaking replication.
 */
final class NodeConfigs {

    static final String LOOPBACK = "127.0.0.1";
    private static final String STANDARD_AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";
    /** Principal of every connection on a PLAINTEXT listener: brokers and controller on INTERNAL/CONTROLLER. */
    private static final String ANONYMOUS = "User:ANONYMOUS";

    private final int brokerCount;
    private final String quorumVoters;
    private final ClientListener clientListener;
    private final Optional<List<String>> superUsers;
    private final Map<String, String> overrides;

    /**
     * @param superUsers present when the ACL authorizer is on: extra principals ({@code User:x}) that bypass ACLs
     */
    NodeConfigs(int brokerCount, int controllerId, int controllerPort, ClientListener clientListener,
                Optional<List<String>> superUsers, Map<String, String> overrides) {
        this.brokerCount = brokerCount;
        this.quorumVoters = controllerId + "@" + LOOPBACK + ":" + controllerPort;
        this.clientListener = clientListener;
        this.superUsers = superUsers;
        this.overrides = Map.copyOf(overrides);
    }

    Map<String, Object> controller(int id, int controllerPort, Path directory) {
        Map<String, Object> config = common(id, directory);
        config.put("process.roles", "controller");
        config.put("listeners", ClientListener.CONTROLLER + "://" + LOOPBACK + ":" + controllerPort);
        // Since Kafka 4.x the controller, not the broker, picks these for auto-created topics.
        config.put("num.partitions", 3);
        config.put("default.replication.factor", replicationFactor());
        config.putAll(overrides);
        return config;
    }

    Map<String, Object> broker(int id, int clientPort, int internalPort, Path directory) {
        Map<String, Object> config = common(id, directory);
        config.put("process.roles", "broker");
        String listeners = ClientListener.CLIENT + "://" + LOOPBACK + ":" + clientPort + ","
                + ClientListener.INTERNAL + "://" + LOOPBACK + ":" + internalPort;
        config.put("listeners", listeners);
        config.put("advertised.listeners", listeners);
        config.put("inter.broker.listener.name", ClientListener.INTERNAL);
        config.putAll(clientListener.brokerProperties());
        config.putAll(brokerDefaults());
        config.putAll(overrides);
        return config;
    }

    /**
     * Defaults for speed and determinism. Internal and new topics get as many replicas as there are
     * brokers (up to 3), internal topics a min ISR one lower, so that stopping one broker - a rolling restart - never
     * blocks transactions or share groups.
     */
    Map<String, Object> brokerDefaults() {
        int replicas = replicationFactor();
        int minIsr = Math.max(1, replicas - 1);
        Map<String, Object> config = new HashMap<>();
        config.put("offsets.topic.replication.factor", replicas);
        config.put("offsets.topic.num.partitions", 5);
        config.put("transaction.state.log.replication.factor", replicas);
        config.put("transaction.state.log.min.isr", minIsr);
        config.put("transaction.state.log.num.partitions", 5);
        config.put("share.coordinator.state.topic.replication.factor", replicas);
        config.put("share.coordinator.state.topic.min.isr", minIsr);
        config.put("share.coordinator.state.topic.num.partitions", 5);
        config.put("auto.create.topics.enable", true);
        config.put("group.initial.rebalance.delay.ms", 0);
        config.put("log.segment.bytes", 1024 * 1024);
        config.put("log.index.size.max.bytes", 1024 * 1024);
        config.put("log.cleaner.dedupe.buffer.size", 2 * 1024 * 1024);
        config.put("num.network.threads", 2);
        config.put("num.io.threads", 4);
        config.put("background.threads", 4);
        // Brokers are unfenced on a heartbeat: a short interval makes start-up and restarts quicker.
        config.put("broker.heartbeat.interval.ms", 250);
        return config;
    }

    private int replicationFactor() {
        return Math.min(3, brokerCount);
    }

    private Map<String, Object> common(int id, Path directory) {
        Map<String, Object> config = new HashMap<>();
        config.put("node.id", id);
        config.put("controller.quorum.voters", quorumVoters);
        config.put("controller.listener.names", ClientListener.CONTROLLER);
        config.put("listener.security.protocol.map", clientListener.securityProtocolMap());
        config.put("log.dirs", directory.toString());
        superUsers.ifPresent(principals -> {
            config.put("authorizer.class.name", STANDARD_AUTHORIZER);
            config.put("allow.everyone.if.no.acl.found", false);
            config.put("super.users", Stream.concat(Stream.of(ANONYMOUS), principals.stream())
                    .distinct().collect(Collectors.joining(";")));
        });
        return config;
    }
}
