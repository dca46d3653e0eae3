package io.kafkafailover.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka KRaft cluster inside this JVM, on 127.0.0.1, for tests, the demo and benchmarks.
 *
 * <p>Brokers get the ids the test asks for. The KRaft quorum is one dedicated controller with id
 * {@value #CONTROLLER_ID}, not a combined broker/controller: stopping or restarting any broker then
 * never touches the quorum, and broker ids stay entirely the caller's choice.
 *
 * <pre>{@code
 * try (KafkaCluster cluster = KafkaCluster.builder().name("main").brokerIds(1, 2, 3).start()) {
 *     producerProps.putAll(cluster.adminClientProperties());
 * }
 * }</pre>
 */
public final class KafkaCluster implements AutoCloseable {

    public static final int CONTROLLER_ID = 3000;
    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);
    private static final int START_ATTEMPTS = 3;

    private enum State { NEW, RUNNING, CLOSED }

    private final String name;
    private final List<Integer> brokerIds;
    private final ClientListener clientListener;
    private final Optional<List<String>> superUsers;
    private final Map<String, String> brokerProperties;

    private State state = State.NEW;
    private String clusterId;
    private Path baseDirectory;
    private KafkaNode controller;
    private final Map<Integer, KafkaNode> brokers = new TreeMap<>();
    private final Map<Integer, InetSocketAddress> clientAddresses = new TreeMap<>();
    private ClusterAdmin clusterAdmin;
    private Admin admin;

    private KafkaCluster(Builder builder) {
        this.name = builder.name;
        this.brokerIds = List.copyOf(builder.brokerIds);
        this.clientListener = builder.clientListener;
        this.superUsers = builder.extraSuperUsers.map(extra -> {
            List<String> principals = new ArrayList<>();
            clientListener.sasl().ifPresent(sasl -> principals.add("User:" + sasl.adminUsername()));
            extra.forEach(user -> principals.add("User:" + user));
            return List.copyOf(principals);
        });
        this.brokerProperties = Map.copyOf(builder.brokerProperties);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats storage, starts the controller and then every broker, and returns once all brokers are
     * registered and unfenced (and SCRAM users, if any, can log in on every broker).
     */
    public synchronized KafkaCluster start() {
        if (state != State.NEW) {
            throw new IllegalStateException("Cluster " + name + " is " + state);
        }
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                startOnce();
                break;
            } catch (RuntimeException e) {
                stopEverything();
                if (attempt == START_ATTEMPTS || !isPortTaken(e)) {
                    state = State.CLOSED;
                    throw e;
                }
                log.warn("Cluster {}: a chosen port was taken before Kafka could bind it, retrying with new ports", name);
            }
        }
        state = State.RUNNING;
        log.info("Kafka cluster {} (id {}) started in {} ms: brokers {} at {}", name, clusterId,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), brokerIds, bootstrapServers());
        return this;
    }

    private void startOnce() {
        try {
            baseDirectory = Files.createTempDirectory("kafka-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        clusterId = Uuid.randomUuid().toString();
        List<Integer> ports = FreePorts.pick(1 + 2 * brokerIds.size());
        int controllerPort = ports.get(0);
        NodeConfigs configs = new NodeConfigs(brokerIds.size(), CONTROLLER_ID, controllerPort, clientListener,
                superUsers, brokerProperties);

        Path controllerDirectory = baseDirectory.resolve("controller-" + CONTROLLER_ID);
        controller = new KafkaNode(CONTROLLER_ID, controllerDirectory, configs.controller(CONTROLLER_ID, controllerPort, controllerDirectory));
        Map<Integer, InetSocketAddress> internalAddresses = new TreeMap<>();
        for (int i = 0; i < brokerIds.size(); i++) {
            int id = brokerIds.get(i);
            int clientPort = ports.get(1 + 2 * i);
            int internalPort = ports.get(2 + 2 * i);
            Path directory = baseDirectory.resolve("broker-" + id);
            brokers.put(id, new KafkaNode(id, directory, configs.broker(id, clientPort, internalPort, directory)));
            clientAddresses.put(id, new InetSocketAddress(NodeConfigs.LOOPBACK, clientPort));
            internalAddresses.put(id, new InetSocketAddress(NodeConfigs.LOOPBACK, internalPort));
        }
        controller.format(clusterId);
        brokers.values().forEach(broker -> broker.format(clusterId));

        controller.start();
        // A broker's start-up blocks until it has caught up with the controller: start them side by side.
        Parallel.run(name + "-start-broker-", brokers, KafkaNode::start);
        clusterAdmin = new ClusterAdmin(name, internalAddresses, new InetSocketAddress(NodeConfigs.LOOPBACK, controllerPort));
        clusterAdmin.awaitAliveBrokers(brokers.keySet());
        clientListener.sasl().ifPresent(sasl -> sasl.scramMechanism().ifPresent(mechanism ->
                clusterAdmin.createScramUsers(mechanism, sasl.users(), clientAddresses.values(),
                        withBootstrap(clientListener.adminClientProperties()))));
    }

    public String name() {
        return name;
    }

    public synchronized String clusterId() {
        requireRunning();
        return clusterId;
    }

    public List<Integer> brokerIds() {
        return brokerIds;
    }

    /** Client listener addresses, {@code 127.0.0.1:port,...}, stopped brokers included. */
    public synchronized String bootstrapServers() {
        requireRunning();
        return clientBootstrap();
    }

    /** The client listener of each broker by id; a broker keeps its address across restarts. */
    public synchronized Map<Integer, InetSocketAddress> brokerAddresses() {
        requireRunning();
        return Collections.unmodifiableMap(new TreeMap<>(clientAddresses));
    }

    public SecurityProtocol securityProtocol() {
        return clientListener.protocol();
    }

    public Optional<SaslSetup> sasl() {
        return clientListener.sasl();
    }

    public Optional<TlsMaterial> tls() {
        return clientListener.tls();
    }

    /**
     * Properties of a client that connects straight to the brokers (never through a gateway) as the
     * SASL admin user, trusting the cluster's CA: for verification in tests. A fresh, mutable map.
     */
    public synchronized Map<String, Object> adminClientProperties() {
        requireRunning();
        return withBootstrap(clientListener.adminClientProperties());
    }

    /** Like {@link #adminClientProperties()} but logging in as another user of the {@link SaslSetup}. */
    public synchronized Map<String, Object> clientProperties(String saslUsername) {
        requireRunning();
        SaslSetup sasl = clientListener.sasl()
                .orElseThrow(() -> new IllegalStateException("Cluster " + name + " has no SASL users"));
        return withBootstrap(clientListener.clientProperties(saslUsername, sasl.password(saslUsername)));
    }

    private Map<String, Object> withBootstrap(Map<String, Object> properties) {
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, clientBootstrap());
        return properties;
    }

    private String clientBootstrap() {
        return clientAddresses.values().stream().map(a -> a.getHostString() + ":" + a.getPort())
                .collect(Collectors.joining(","));
    }

    /** An admin client with {@link #adminClientProperties()}, created once and closed with the cluster. */
    public synchronized Admin admin() {
        requireRunning();
        if (admin == null) {
            Map<String, Object> properties = adminClientProperties();
            properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, name + "-testkit-admin");
            admin = Admin.create(properties);
        }
        return admin;
    }

    /** Shuts a broker down cleanly (controlled shutdown) and waits until the cluster no longer lists it. */
    public synchronized void stopBroker(int id) {
        requireRunning();
        long started = System.nanoTime();
        broker(id).stop();
        long stopped = System.nanoTime();
        clusterAdmin.awaitAliveBrokers(runningBrokerIds());
        log.info("Cluster {}: broker {} stopped in {} ms (+{} ms until unlisted)", name, id,
                (stopped - started) / 1_000_000, (System.nanoTime() - stopped) / 1_000_000);
    }

    /**
     * Starts a broker again on its old log directory and ports (stopping it first if it runs), and
     * waits until it is registered and unfenced. Consecutive calls simulate a rolling restart.
     *
     * <p>The stopped broker's registration is dropped first: otherwise the controller turns the new
     * incarnation away until the old session times out ({@code broker.session.timeout.ms}, 9 s).
     */
    public synchronized void restartBroker(int id) {
        requireRunning();
        KafkaNode broker = broker(id);
        if (broker.isRunning()) {
            stopBroker(id);
        }
        long started = System.nanoTime();
        clusterAdmin.unregisterBroker(id);
        broker.start();
        long running = System.nanoTime();
        clusterAdmin.awaitAliveBrokers(runningBrokerIds());
        log.info("Cluster {}: broker {} started again in {} ms (+{} ms until listed)", name, id,
                (running - started) / 1_000_000, (System.nanoTime() - running) / 1_000_000);
    }

    public synchronized boolean isBrokerRunning(int id) {
        requireRunning();
        return broker(id).isRunning();
    }

    /** Stops every node and deletes all data. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        boolean wasStarted = state == State.RUNNING;
        state = State.CLOSED;
        stopEverything();
        if (wasStarted) {
            log.info("Kafka cluster {} closed", name);
        }
    }

    private void stopEverything() {
        closeQuietly(admin);
        admin = null;
        if (clusterAdmin != null) {
            clusterAdmin.close();
            clusterAdmin = null;
        }
        // Brokers first: their controlled shutdown needs the controller.
        try {
            Parallel.run(name + "-stop-broker-", brokers, KafkaNode::stop);
        } catch (RuntimeException e) {
            log.warn("Cluster {}: a broker failed to stop cleanly", name, e);
        }
        if (controller != null) {
            try {
                controller.stop();
            } catch (RuntimeException e) {
                log.warn("Cluster {}: the controller failed to stop cleanly", name, e);
            }
        }
        brokers.clear();
        clientAddresses.clear();
        controller = null;
        if (baseDirectory != null) {
            try {
                Utils.delete(baseDirectory.toFile());
            } catch (IOException e) {
                log.warn("Cluster {}: cannot delete {}", name, baseDirectory, e);
            }
            baseDirectory = null;
        }
    }

    private Set<Integer> runningBrokerIds() {
        return brokers.values().stream().filter(KafkaNode::isRunning).map(KafkaNode::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private KafkaNode broker(int id) {
        KafkaNode broker = brokers.get(id);
        if (broker == null) {
            throw new IllegalArgumentException("Cluster " + name + " has no broker " + id + " (brokers: " + brokerIds + ")");
        }
        return broker;
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("Cluster " + name + " is " + state + ", not running");
        }
    }

    private static boolean isPortTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException
                    || (cause.getMessage() != null && cause.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("Ignoring a failure to close {}", closeable, e);
        }
    }

    @Override
    public String toString() {
        return "KafkaCluster{" + name + ", brokers=" + brokerIds + ", " + clientListener.protocol() + ", " + state + '}';
    }

    public static final class Builder {
        private String name = "kafka";
        private List<Integer> brokerIds = List.of(1);
        private ClientListener clientListener = ClientListener.plaintext();
        private Optional<List<String>> extraSuperUsers = Optional.empty();
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();

        private Builder() {
        }

        /** Used in directory and thread names and in log lines. */
        public Builder name(String name) {
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("Cluster name must match [A-Za-z0-9._-]+: " + name);
            }
            this.name = name;
            return this;
        }

        /** Broker node ids, each in [0, {@value #CONTROLLER_ID}). Default: a single broker with id 1. */
        public Builder brokerIds(int... ids) {
            if (ids.length == 0) {
                throw new IllegalArgumentException("A cluster needs at least one broker");
            }
            Set<Integer> distinct = new TreeSet<>();
            for (int id : ids) {
                if (id < 0 || id >= CONTROLLER_ID) {
                    throw new IllegalArgumentException("Broker id " + id + " outside [0, " + CONTROLLER_ID + ")");
                }
                if (!distinct.add(id)) {
                    throw new IllegalArgumentException("Duplicate broker id " + id);
                }
            }
            this.brokerIds = List.copyOf(distinct);
            return this;
        }

        public Builder plaintext() {
            this.clientListener = ClientListener.plaintext();
            return this;
        }

        /**
         * TLS on the client listener with the material's server certificate. The listener also trusts
         * the material's CA, so {@code brokerProperty("listener.name.client.ssl.client.auth", "required")}
         * turns it into mutual TLS ({@link TlsMaterial#clientMutualTlsProperties()} on the client side).
         */
        public Builder ssl(TlsMaterial tls) {
            this.clientListener = ClientListener.ssl(tls);
            return this;
        }

        public Builder saslPlaintext(SaslSetup sasl) {
            this.clientListener = ClientListener.saslPlaintext(sasl);
            return this;
        }

        public Builder saslSsl(SaslSetup sasl, TlsMaterial tls) {
            this.clientListener = ClientListener.saslSsl(sasl, tls);
            return this;
        }

        /**
         * Turns on KRaft's {@code StandardAuthorizer} with {@code allow.everyone.if.no.acl.found=false}:
         * only super users and principals with ACLs get in. Super users are the SASL admin user,
         * {@code extraSuperUsers} (user names, without {@code User:}) and ANONYMOUS, the principal of the
         * PLAINTEXT internal and controller listeners. Needs a SASL client listener.
         */
        public Builder aclAuthorizer(String... extraSuperUsers) {
            this.extraSuperUsers = Optional.of(List.of(extraSuperUsers));
            return this;
        }

        /**
         * Any server property, for every node (the controller too, since Kafka 4 some topic defaults
         * such as {@code num.partitions} are its business); wins over the testkit's defaults.
         */
        public Builder brokerProperty(String key, Object value) {
            brokerProperties.put(key, String.valueOf(value));
            return this;
        }

        public KafkaCluster build() {
            if (extraSuperUsers.isPresent() && clientListener.sasl().isEmpty()) {
                throw new IllegalStateException("The ACL authorizer needs a SASL client listener:"
                        + " on PLAINTEXT every client is ANONYMOUS, a super user");
            }
            return new KafkaCluster(this);
        }

        /** Shorthand for {@code build().start()}. */
        public KafkaCluster start() {
            return build().start();
        }
    }
}
