package io.kafkafailover.bench.throughput;

import io.kafkafailover.bench.process.BenchPaths;

import java.util.List;

/**
 * Runs Kafka's ProducerPerformance against one bootstrap address, the brokers directly or the
 * gateway, run after run in one warm load-generator JVM ({@link WarmTool}), stopped by
 * {@link #close()}.
 */
public final class ProducerThroughput implements AutoCloseable {
    private final WarmTool generator;

    /** @param name the load generator's, which names its log */
    public ProducerThroughput(BenchPaths paths, List<String> jvmOptions, String name) {
        this.generator = new WarmTool(paths, jvmOptions, PerfToolMain.Tool.PRODUCER, name);
    }

    public ProducerResult run(String runName, String bootstrapServers, String topic, ProducerLoad load) {
        List<String> args = List.of(
                "--bootstrap-server", bootstrapServers,
                "--topic", topic,
                "--num-records", String.valueOf(load.recordsPerProducer()),
                "--record-size", String.valueOf(load.recordSize()),
                // "-1", not "-1.0", which the tool's argument parser takes for an option.
                "--throughput", load.recordsPerSecondEach() < 0 ? "-1" : String.valueOf(load.recordsPerSecondEach()),
                // Kafka's default since 3.0, spelled out because the targets are about acks=all.
                "--command-property", "acks=all");
        List<String> output = generator.run(runName, load.producers(), args);
        return ProducerResult.parse(output, load.producers(), load.recordSize());
    }

    @Override
    public void close() {
        generator.close();
    }
}
