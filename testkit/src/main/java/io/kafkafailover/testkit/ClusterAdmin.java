package io.kafkafailover.testkit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.BrokerIdNotRegisteredException;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * The testkit's own admin client, on the brokers' PLAINTEXT INTERNAL listener so that it works
 * whatever a test does to the client listener (SASL, missing SCRAM users, ACLs).
 */
final class ClusterAdmin implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;
    private static final int SCRAM_ITERATIONS = 4096;

    private final String clusterName;
    /** Talks to the brokers' INTERNAL listeners. */
    private final Admin admin;
    /** Talks to the controller directly (KIP-919), which works even while every broker is down. */
    private final Admin controllerAdmin;

    ClusterAdmin(String clusterName, Map<Integer, InetSocketAddress> internalAddresses, InetSocketAddress controller) {
        this.clusterName = clusterName;
        Map<String, Object> brokers = properties("internal");
        brokers.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, hostPorts(internalAddresses.values()));
        this.admin = Admin.create(brokers);
        Map<String, Object> controllers = properties("controller");
        controllers.put(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, hostPorts(List.of(controller)));
        this.controllerAdmin = Admin.create(controllers);
    }

    private Map<String, Object> properties(String role) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, clusterName + "-testkit-" + role);
        properties.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return properties;
    }

    private static String hostPorts(Collection<InetSocketAddress> addresses) {
        return addresses.stream().map(a -> a.getHostString() + ":" + a.getPort()).collect(Collectors.joining(","));
    }

    /** Waits until the alive (registered and unfenced) brokers are exactly {@code expected}. */
    void awaitAliveBrokers(Set<Integer> expected) {
        if (expected.isEmpty()) {
            return; // no broker left to ask; a stopped broker has completed its controlled shutdown
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Set<Integer> alive = Set.of();
        while (System.nanoTime() < deadline) {
            try {
                alive = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes()
                        .get(5, TimeUnit.SECONDS).stream().map(Node::id).collect(Collectors.toCollection(TreeSet::new));
                if (alive.equals(expected)) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // brokers still starting or just stopped: ask again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("Cluster " + clusterName + ": brokers " + expected + " not ready within "
                + READY_TIMEOUT.toSeconds() + " s; alive: " + alive);
    }

    /**
     * Drops the registration of a stopped broker. The controller refuses a restarted broker (a new
     * incarnation) until the old one's session expires - {@code broker.session.timeout.ms}, 9 s by
     * default; after an explicit unregistration it takes the broker back at once.
     */
    void unregisterBroker(int id) {
        try {
            controllerAdmin.unregisterBroker(id).all().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof BrokerIdNotRegisteredException)) {
                throw new IllegalStateException("Cluster " + clusterName + ": cannot unregister broker " + id, e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cluster " + clusterName + ": cannot unregister broker " + id, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates SCRAM users, then waits until the first user can log in on every broker: credentials
     * reach the brokers through the metadata log, a moment after the controller accepted them.
     */
    void createScramUsers(ScramMechanism mechanism, Map<String, String> passwordsByUser,
                          Collection<InetSocketAddress> clientAddresses, Map<String, Object> loginProperties) {
        List<UserScramCredentialAlteration> upserts = passwordsByUser.entrySet().stream()
                .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.getKey(),
                        new ScramCredentialInfo(mechanism, SCRAM_ITERATIONS), user.getValue()))
                .toList();
        try {
            admin.alterUserScramCredentials(upserts).all().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cluster " + clusterName + ": cannot create SCRAM users", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (InetSocketAddress broker : clientAddresses) {
            awaitLogin(broker, loginProperties);
        }
    }

    private void awaitLogin(InetSocketAddress broker, Map<String, Object> loginProperties) {
        Map<String, Object> properties = new HashMap<>(loginProperties);
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getHostString() + ":" + broker.getPort());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            // A fresh client each time: its first connection, the one that authenticates, goes to this broker.
            try (Admin probe = Admin.create(properties)) {
                probe.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof SaslAuthenticationException)) {
                    throw new IllegalStateException("Cluster " + clusterName + ": login on " + broker + " failed", e);
                }
                last = e;
            } catch (TimeoutException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("Cluster " + clusterName + ": SCRAM users cannot log in on " + broker, last);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the cluster", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        controllerAdmin.close(Duration.ofSeconds(5));
    }
}
