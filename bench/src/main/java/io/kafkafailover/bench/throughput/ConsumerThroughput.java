package io.kafkafailover.bench.throughput;

import io.kafkafailover.bench.process.BenchPaths;
import io.kafkafailover.bench.process.ChildJvm;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Runs Kafka's ConsumerPerformance, in a fresh consumer group, over a topic filled beforehand. */
public final class ConsumerThroughput {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final BenchPaths paths;
    private final List<String> jvmOptions;

    public ConsumerThroughput(BenchPaths paths, List<String> jvmOptions) {
        this.paths = paths;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public ConsumerResult run(String runName, String bootstrapServers, String topic, long records) {
        List<String> args = List.of(
                "--bootstrap-server", bootstrapServers,
                "--topic", topic,
                "--num-records", String.valueOf(records),
                "--group", "bench-" + UUID.randomUUID(),
                "--timeout", "60000");
        ChildJvm.Spec spec = ChildJvm.Spec.mainClass(runName, paths.classPath(),
                "org.apache.kafka.tools.ConsumerPerformance", args).withJvmOptions(jvmOptions);
        ConsumerResult result = ConsumerResult.parse(ChildJvm.run(spec, paths.workDirectory(), TIMEOUT));
        if (result.records() < records) {
            throw new IllegalStateException(runName + " read " + result.records() + " of " + records + " records");
        }
        return result;
    }
}
