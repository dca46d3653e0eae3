package io.kafkafailover.bench.latency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkafailover.bench.Side;
import io.kafkafailover.bench.process.BenchPaths;
import io.kafkafailover.bench.process.ChildJvm;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs {@link LatencyProbeMain}, both sides at once, and reads its result. */
public final class ProduceLatency {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final BenchPaths paths;
    private final List<String> jvmOptions;

    public ProduceLatency(BenchPaths paths, List<String> jvmOptions) {
        this.paths = paths;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * @param topics             per side, the topic its producer writes to
     * @param recordsPerSide     records per second each side sends
     * @param firstSlot          the side whose record is due first in each pair of slots
     */
    public PairedLatency run(String runName, Map<Side, String> bootstrapServers, Map<Side, String> topics,
                             double recordsPerSide, Duration measured, Duration warmUp, int recordSize, Side firstSlot) {
        List<String> args = List.of(bootstrapServers.get(Side.DIRECT), topics.get(Side.DIRECT),
                bootstrapServers.get(Side.GATEWAY), topics.get(Side.GATEWAY), String.valueOf(recordsPerSide),
                String.valueOf(measured.toMillis() / 1000.0), String.valueOf(warmUp.toMillis() / 1000.0),
                String.valueOf(recordSize), firstSlot.name());
        ChildJvm.Spec spec = ChildJvm.Spec.mainClass(runName, paths.classPath(), LatencyProbeMain.class.getName(), args)
                .withJvmOptions(jvmOptions);
        String line = ChildJvm.run(spec, paths.workDirectory(), TIMEOUT).stream()
                .filter(l -> l.startsWith(LatencyProbeMain.RESULT_PREFIX)).findFirst()
                .orElseThrow(() -> new IllegalStateException(runName + " printed no result"));
        try {
            return new ObjectMapper().readValue(line.substring(LatencyProbeMain.RESULT_PREFIX.length()), PairedLatency.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(runName + " printed an unreadable result: " + line, e);
        }
    }
}
