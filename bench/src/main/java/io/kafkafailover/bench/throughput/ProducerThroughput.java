package io.kafkafailover.bench.throughput;

import io.kafkafailover.bench.process.BenchPaths;
import io.kafkafailover.bench.process.ChildJvm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs Kafka's ProducerPerformance against one bootstrap address: brokers directly, or the gateway. */
public final class ProducerThroughput {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final BenchPaths paths;
    private final List<String> jvmOptions;

    public ProducerThroughput(BenchPaths paths, List<String> jvmOptions) {
        this.paths = paths;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public ProducerResult run(String runName, String bootstrapServers, String topic, ProducerLoad load) {
        List<String> args = new ArrayList<>(List.of(
                String.valueOf(load.producers()),
                "--bootstrap-server", bootstrapServers,
                "--topic", topic,
                "--num-records", String.valueOf(load.recordsPerProducer()),
                "--record-size", String.valueOf(load.recordSize()),
                // "-1", not "-1.0", which the tool's argument parser takes for an option.
                "--throughput", load.recordsPerSecondEach() < 0 ? "-1" : String.valueOf(load.recordsPerSecondEach()),
                // Kafka's default since 3.0, spelled out because the targets are about acks=all.
                "--command-property", "acks=all"));
        ChildJvm.Spec spec = ChildJvm.Spec.mainClass(runName, paths.classPath(), ProducerPerfMain.class.getName(), args)
                .withJvmOptions(jvmOptions);
        return ProducerResult.parse(ChildJvm.run(spec, paths.workDirectory(), TIMEOUT), load.producers(), load.recordSize());
    }
}
