package io.kafkafailover.bench.process;

import io.kafkafailover.testkit.KafkaCluster;

import java.io.IOException;
import java.util.Arrays;

/**
 * Child JVM: the two real Kafka clusters of a benchmark run. Prints each cluster's bootstrap
 * servers, then runs until its standard input closes (the harness stopped or died) or it is
 * terminated, and deletes the clusters' data on the way out.
 *
 * <p>Arguments: {@code <main broker ids> <failover broker ids>}, comma-separated.
 */
public final class ClustersMain {
    static final String CLUSTER_LINE = "BENCH-CLUSTER ";
    static final String READY_LINE = "BENCH-CLUSTERS-READY";
    /**
     * {@code log.segment.delete.delay.ms}. Every run deletes its topic. With Kafka's 60 s the deleted
     * logs (1 GiB and more a run, three replicas) reach the disk during the next runs, in bursts
     * whose timing no run controls; removed a second later, their pages are dropped unwritten. Not
     * 0: the broker's deletion task then reschedules itself without pause and keeps a tenth of a
     * core busy.
     */
    public static final int DELETED_LOG_DELAY_MS = 1000;

    private ClustersMain() {
    }

    public static void main(String[] args) throws IOException {
        KafkaCluster main = cluster("main", args[0]);
        KafkaCluster failover = cluster("failover", args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            main.close();
            failover.close();
        }, "clusters-shutdown"));
        main.start();
        failover.start();
        System.out.println(CLUSTER_LINE + "main " + main.bootstrapServers());
        System.out.println(CLUSTER_LINE + "failover " + failover.bootstrapServers());
        System.out.println(READY_LINE);
        System.out.flush();
        while (System.in.read() != -1) {
            // nothing to read: end of input is the signal to stop
        }
        System.exit(0);
    }

    private static KafkaCluster cluster(String name, String ids) {
        return KafkaCluster.builder()
                .name(name)
                .brokerIds(Arrays.stream(ids.split(",")).mapToInt(Integer::parseInt).toArray())
                // The testkit rolls segments at 1 MiB to keep test clusters small; a throughput
                // benchmark writing gigabytes would then measure file creation. Kafka's defaults:
                .brokerProperty("log.segment.bytes", 1024 * 1024 * 1024)
                .brokerProperty("log.index.size.max.bytes", 10 * 1024 * 1024)
                .brokerProperty("log.segment.delete.delay.ms", DELETED_LOG_DELAY_MS)
                .build();
    }
}
