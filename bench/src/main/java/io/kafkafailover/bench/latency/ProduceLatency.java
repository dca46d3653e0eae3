package io.kafkafailover.bench.latency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkafailover.bench.process.BenchPaths;
import io.kafkafailover.bench.process.ChildJvm;

import java.time.Duration;
import java.util.List;

/** Runs {@link LatencyProbeMain} against one bootstrap address and reads its result. */
public final class ProduceLatency {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final BenchPaths paths;
    private final List<String> jvmOptions;

    public ProduceLatency(BenchPaths paths, List<String> jvmOptions) {
        this.paths = paths;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public LatencyResult run(String runName, String bootstrapServers, String topic, double recordsPerSecond,
                             Duration measured, Duration warmUp, int recordSize) {
        List<String> args = List.of(bootstrapServers, topic, String.valueOf(recordsPerSecond),
                String.valueOf(measured.toMillis() / 1000.0), String.valueOf(warmUp.toMillis() / 1000.0),
                String.valueOf(recordSize));
        ChildJvm.Spec spec = ChildJvm.Spec.mainClass(runName, paths.classPath(), LatencyProbeMain.class.getName(), args)
                .withJvmOptions(jvmOptions);
        String line = ChildJvm.run(spec, paths.workDirectory(), TIMEOUT).stream()
                .filter(l -> l.startsWith(LatencyProbeMain.RESULT_PREFIX)).findFirst()
                .orElseThrow(() -> new IllegalStateException(runName + " printed no result"));
        try {
            return new ObjectMapper().readValue(line.substring(LatencyProbeMain.RESULT_PREFIX.length()), LatencyResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(runName + " printed an unreadable result: " + line, e);
        }
    }
}
