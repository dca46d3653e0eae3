package io.kafkafailover.bench.throughput;

import io.kafkafailover.bench.process.BenchPaths;
import io.kafkafailover.bench.process.ChildJvm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Kafka's ProducerPerformance against one bootstrap address, the brokers directly or the
 * gateway, run after run in one load-generator JVM ({@link ProducerPerfMain}), started with the
 * first run and stopped by {@link #close()}: both sides' runs meet the same warm producer code.
 */
public final class ProducerThroughput implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final BenchPaths paths;
    private final List<String> jvmOptions;
    private final String name;
    private ChildJvm generator;
    private int runs;

    /** @param name the load generator's, which names its log */
    public ProducerThroughput(BenchPaths paths, List<String> jvmOptions, String name) {
        this.paths = paths;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.name = name;
    }

    public ProducerResult run(String runName, String bootstrapServers, String topic, ProducerLoad load) {
        String id = runName + "#" + ++runs;
        List<String> fields = new ArrayList<>(List.of(
                id,
                String.valueOf(load.producers()),
                "--bootstrap-server", bootstrapServers,
                "--topic", topic,
                "--num-records", String.valueOf(load.recordsPerProducer()),
                "--record-size", String.valueOf(load.recordSize()),
                // "-1", not "-1.0", which the tool's argument parser takes for an option.
                "--throughput", load.recordsPerSecondEach() < 0 ? "-1" : String.valueOf(load.recordsPerSecondEach()),
                // Kafka's default since 3.0, spelled out because the targets are about acks=all.
                "--command-property", "acks=all"));
        ChildJvm jvm = generator();
        jvm.tell(String.join("\t", fields));
        String finished = jvm.awaitLine(line -> line.startsWith(ProducerPerfMain.FINISHED + id + " "), TIMEOUT);
        if (!finished.endsWith(ProducerPerfMain.OK)) {
            throw jvm.failure("failed in run " + runName);
        }
        return ProducerResult.parse(ProducerPerfMain.outputOf(jvm.output(), id), load.producers(), load.recordSize());
    }

    private ChildJvm generator() {
        if (generator == null) {
            ChildJvm.Spec spec = ChildJvm.Spec.mainClass(name, paths.classPath(), ProducerPerfMain.class.getName(), List.of())
                    .withJvmOptions(jvmOptions);
            generator = ChildJvm.start(spec, paths.workDirectory());
        }
        return generator;
    }

    @Override
    public void close() {
        if (generator != null) {
            generator.close();
            generator = null;
        }
    }
}
