package io.kafkafailover.bench.latency;

import io.kafkafailover.bench.BenchContext;
import io.kafkafailover.bench.BenchSettings;
import io.kafkafailover.bench.Side;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.bench.report.BenchmarkReport;
import io.kafkafailover.bench.report.Cells;
import io.kafkafailover.bench.report.PerRound;
import io.kafkafailover.bench.report.PhaseResult;
import io.kafkafailover.bench.report.ResultRow;
import io.kafkafailover.bench.report.Stats;
import io.kafkafailover.bench.report.Verdict;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Produce latency at a fixed rate of half the direct peak, direct against through the gateway,
 * with the same single producer on both sides.
 */
public final class LatencyPhase {
    public static final double LOAD_FRACTION = 0.5;
    /** The most latency the gateway may add at p99. */
    public static final double TARGET_ADDED_P99_MICROS = 1_000;
    private static final String TOPIC = "bench-latency";

    private final BenchContext context;

    public LatencyPhase(BenchContext context) {
        this.context = context;
    }

    public PhaseResult run(double directPeakRecordsPerSecond) {
        BenchSettings settings = context.settings();
        double rate = Math.max(1, Math.round(directPeakRecordsPerSecond * LOAD_FRACTION));
        ProduceLatency probe = new ProduceLatency(context.paths(), context.loadJvmOptions());
        Map<Side, List<LatencyResult>> results = new EnumMap<>(Side.class);
        List<String> lines = new ArrayList<>(List.of(
                "One producer (acks=all, Kafka's default batching: linger.ms=5) at " + Cells.decimal(rate, 0)
                        + " records/s of " + settings.recordSize() + " B, half the direct producer peak, for "
                        + settings.latencyRun().toSeconds() + " s after a " + settings.latencyWarmUp().toMillis()
                        + " ms warm-up. Latency runs from each record's scheduled send time to its acknowledgement.",
                "",
                "| Round | Side | achieved records/s | p50 | p99 | p99.9 | max | failed |",
                "|---:|---|---:|---:|---:|---:|---:|---:|"));
        for (int round = 0; round < settings.rounds(); round++) {
            for (Side side : Side.order(round)) {
                String name = "latency-r" + (round + 1) + "-" + side.label();
                String topic = TOPIC + "-" + (round + 1) + "-" + side.label();
                context.clusters().createTopic(BrokerClusters.MAIN, topic, BenchSettings.TOPIC_PARTITIONS);
                LatencyResult result;
                try {
                    result = probe.run(name, side.bootstrapServers(context), topic, rate, settings.latencyRun(),
                            settings.latencyWarmUp(), settings.recordSize());
                } finally {
                    context.clusters().deleteTopic(BrokerClusters.MAIN, topic);
                }
                results.computeIfAbsent(side, s -> new ArrayList<>()).add(result);
                lines.add("| " + (round + 1) + " | " + side.label() + " | " + Cells.decimal(result.achievedRate(), 0)
                        + " | " + Cells.millis(result.p50Micros()) + " | " + Cells.millis(result.p99Micros())
                        + " | " + Cells.millis(result.p999Micros()) + " | " + Cells.millis(result.maxMicros())
                        + " | " + result.errors() + " |");
            }
        }
        results.values().stream().flatMap(List::stream)
                .filter(result -> result.achievedRate() < 0.9 * result.targetRate()).findAny()
                .ifPresent(slow -> lines.add("\nNote: at least one run could not keep the rate (achieved below 90 % of it):"
                        + " its latencies include the time records waited to be sent."));
        lines.add("");
        lines.add(PerRound.addedLine("p99", results.get(Side.DIRECT).stream().map(LatencyResult::p99Micros).toList(),
                results.get(Side.GATEWAY).stream().map(LatencyResult::p99Micros).toList()));
        String label = "Produce latency at " + Cells.decimal(rate, 0) + " records/s (half the direct peak), median ";
        double directP99 = median(results.get(Side.DIRECT), LatencyResult::p99Micros);
        double gatewayP99 = median(results.get(Side.GATEWAY), LatencyResult::p99Micros);
        List<ResultRow> rows = List.of(
                row(label + "p50", results, LatencyResult::p50Micros, "", Verdict.INFO),
                row(label + "p99", results, LatencyResult::p99Micros, "≤ +1 ms added",
                        Verdict.of(gatewayP99 - directP99 <= TARGET_ADDED_P99_MICROS)),
                row(label + "p99.9", results, LatencyResult::p999Micros, "", Verdict.INFO));
        return new PhaseResult(rows, new BenchmarkReport.Section("Produce latency runs", lines));
    }

    private static ResultRow row(String label, Map<Side, List<LatencyResult>> results, ToDoubleFunction<LatencyResult> value,
                                 String target, Verdict verdict) {
        double direct = median(results.get(Side.DIRECT), value);
        double gateway = median(results.get(Side.GATEWAY), value);
        return new ResultRow(label, Cells.millis(direct), Cells.millis(gateway), Cells.addedMillis(gateway, direct),
                target.isEmpty() ? ResultRow.NONE : target, verdict);
    }

    private static double median(List<LatencyResult> results, ToDoubleFunction<LatencyResult> value) {
        return Stats.median(results.stream().map(result -> value.applyAsDouble(result)).toList());
    }
}
