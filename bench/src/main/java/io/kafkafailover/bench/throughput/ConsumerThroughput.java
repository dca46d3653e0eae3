package io.kafkafailover.bench.throughput;

import io.kafkafailover.bench.process.BenchPaths;

import java.util.List;
import java.util.UUID;

/**
 * Runs Kafka's ConsumerPerformance, in a fresh consumer group, over a topic filled beforehand,
 * run after run in one warm load-generator JVM ({@link WarmTool}), stopped by {@link #close()}.
 */
public final class ConsumerThroughput implements AutoCloseable {
    private final WarmTool reader;

    /** @param name the load generator's, which names its log */
    public ConsumerThroughput(BenchPaths paths, List<String> jvmOptions, String name) {
        this.reader = new WarmTool(paths, jvmOptions, PerfToolMain.Tool.CONSUMER, name);
    }

    public ConsumerResult run(String runName, String bootstrapServers, String topic, long records) {
        List<String> args = List.of(
                "--bootstrap-server", bootstrapServers,
                "--topic", topic,
                "--num-records", String.valueOf(records),
                "--group", "bench-" + UUID.randomUUID(),
                "--timeout", "60000");
        ConsumerResult result = ConsumerResult.parse(reader.run(runName, 1, args));
        if (result.records() < records) {
            throw new IllegalStateException(runName + " read " + result.records() + " of " + records + " records");
        }
        return result;
    }

    @Override
    public void close() {
        reader.close();
    }
}
