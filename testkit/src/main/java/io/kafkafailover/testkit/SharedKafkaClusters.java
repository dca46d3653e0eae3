package io.kafkafailover.testkit;

/**
 * Two clusters started once per JVM and reused by every test class that asks for them, so a test
 * suite pays for Kafka start-up once. Closed by a shutdown hook.
 *
 * <p>Shared means shared: tests must not stop brokers of these clusters for good or change
 * broker-wide settings, and should use topic and group names of their own. A test that restarts
 * brokers or needs special security builds its own {@link KafkaCluster}.
 */
public final class SharedKafkaClusters {

    private static KafkaCluster main;
    private static KafkaCluster failover;
    private static boolean shutdownHookAdded;

    private SharedKafkaClusters() {
    }

    /** PLAINTEXT, brokers 1, 2, 3. */
    public static synchronized KafkaCluster main() {
        if (main == null) {
            main = startAndRegister(KafkaCluster.builder().name("shared-main").brokerIds(1, 2, 3));
        }
        return main;
    }

    /** PLAINTEXT, brokers 101, 102: ids disjoint from {@link #main()}'s, as across real clusters. */
    public static synchronized KafkaCluster failover() {
        if (failover == null) {
            failover = startAndRegister(KafkaCluster.builder().name("shared-failover").brokerIds(101, 102));
        }
        return failover;
    }

    private static KafkaCluster startAndRegister(KafkaCluster.Builder builder) {
        if (!shutdownHookAdded) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedKafkaClusters::closeAll, "shared-kafka-clusters-shutdown"));
            shutdownHookAdded = true;
        }
        return builder.start();
    }

    private static void closeAll() {
        KafkaCluster mainToClose;
        KafkaCluster failoverToClose;
        synchronized (SharedKafkaClusters.class) {
            mainToClose = main;
            failoverToClose = failover;
            main = null;
            failover = null;
        }
        if (mainToClose != null) {
            mainToClose.close();
        }
        if (failoverToClose != null) {
            failoverToClose.close();
        }
    }
}
