package io.kafkafailover.bench.latency;

import io.kafkafailover.bench.BenchContext;
import io.kafkafailover.bench.BenchSettings;
import io.kafkafailover.bench.Side;
import io.kafkafailover.bench.cpu.CpuPressure;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.bench.report.BenchmarkReport;
import io.kafkafailover.bench.report.Cells;
import io.kafkafailover.bench.report.PerRound;
import io.kafkafailover.bench.report.PhaseResult;
import io.kafkafailover.bench.report.ResultRow;
import io.kafkafailover.bench.report.RoundBootstrap;
import io.kafkafailover.bench.report.Verdict;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Produce latency at a fixed rate, direct against through the gateway: one producer per side, both
 * sending at once on one schedule (see {@link LatencyProbeMain} for why), together at half the
 * direct peak, where the target applies, and then at a quarter of it.
 */
public final class LatencyPhase {
    /** The most latency the gateway may add at p99, at half the direct peak. */
    public static final double TARGET_ADDED_P99_MICROS = 1_000;
    private static final String TOPIC = "bench-latency";

    /**
     * The rates measured, both sides together. Why a quarter too: half the direct peak in records
     * is close to the whole machine in requests, since at that rate the producers' batches, sent
     * every linger.ms, hold about half the records of the peak's full ones, and the brokers and the
     * gateway work per request. There every thread waits for a core, both sides' tails are the
     * scheduler's, and a millisecond cannot be told; a quarter shows the gateway's cost on a
     * machine with room to spare.
     */
    enum Load {
        HALF(0.5, "half the direct peak"),
        QUARTER(0.25, "a quarter of the direct peak");

        final double fraction;
        final String description;

        Load(double fraction, String description) {
            this.fraction = fraction;
            this.description = description;
        }

        boolean judged() {
            return this == HALF;
        }

        /** In the run's and its topics' names. */
        String shortName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The percentiles reported: each round's own, and over all rounds' records. */
    private enum Percentile {
        P50("p50", 50, LatencyResult::p50Micros),
        P99("p99", 99, LatencyResult::p99Micros),
        P999("p99.9", 99.9, LatencyResult::p999Micros);

        final String label;
        final double percentile;
        final ToDoubleFunction<LatencyResult> ofRound;

        Percentile(String label, double percentile, ToDoubleFunction<LatencyResult> ofRound) {
            this.label = label;
            this.percentile = percentile;
            this.ofRound = ofRound;
        }
    }

    private final BenchContext context;
    private final ProduceLatency probe;
    private final Map<Side, String> bootstrapServers = new EnumMap<>(Side.class);

    public LatencyPhase(BenchContext context) {
        this.context = context;
        this.probe = new ProduceLatency(context.paths(), context.loadJvmOptions());
        for (Side side : Side.values()) {
            bootstrapServers.put(side, side.bootstrapServers(context));
        }
    }

    public PhaseResult run(double directPeakRecordsPerSecond) {
        BenchSettings settings = context.settings();
        List<ResultRow> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>(List.of(
                "Two producers at the same time, one straight to the brokers and one through the gateway (acks=all,"
                        + " Kafka's default batching: linger.ms=5), each at the same rate, of records of "
                        + settings.recordSize() + " B: first together at half the direct producer peak, where the"
                        + " target applies, then at a quarter of it. They share one schedule whose slots alternate"
                        + " between them, so that each side's records are due next to the other's and both live through"
                        + " the same moments of the machine; which side's record comes first in a pair alternates from"
                        + " round to round. Measured for " + settings.latencyRun().toSeconds() + " s after a "
                        + settings.latencyWarmUp().toMillis() + " ms warm-up. Latency runs from each record's"
                        + " scheduled send time to its acknowledgement. The results table gives each side's"
                        + " percentiles over all rounds' records together (HdrHistogram, three significant digits);"
                        + " below, each round's own."));
        for (Load load : Load.values()) {
            AtLoad atLoad = runAt(load, directPeakRecordsPerSecond);
            rows.addAll(atLoad.rows());
            lines.add("");
            lines.addAll(atLoad.details());
        }
        return new PhaseResult(rows, new BenchmarkReport.Section("Produce latency runs", lines));
    }

    /** One load's rows of the results table and its part of the details. */
    private record AtLoad(List<ResultRow> rows, List<String> details) {
    }

    private AtLoad runAt(Load load, double directPeakRecordsPerSecond) {
        BenchSettings settings = context.settings();
        double ratePerSide = Math.max(1, Math.round(directPeakRecordsPerSecond * load.fraction / 2));
        Map<Side, List<LatencyResult>> results = new EnumMap<>(Side.class);
        List<String> lines = new ArrayList<>(List.of(
                "At " + load.description + ": each side at " + Cells.decimal(ratePerSide, 0) + " records/s, together "
                        + Cells.decimal(2 * ratePerSide, 0) + " records/s.",
                "",
                "| Round | Side | achieved records/s | p50 | p99 | p99.9 | max | failed |",
                "|---:|---|---:|---:|---:|---:|---:|---:|"));
        List<String> cpuPressure = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            List<Side> order = Side.order(round);
            OptionalLong waitedBefore = CpuPressure.waitedMicros();
            long started = System.nanoTime();
            PairedLatency paired = runRound(load, round, ratePerSide, order.get(0));
            long elapsed = System.nanoTime() - started;
            cpuPressure.add(CpuPressure.shareCell(waitedBefore, CpuPressure.waitedMicros(), elapsed));
            for (Side side : order) {
                LatencyResult result = paired.of(side);
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
        lines.add("CPU pressure round by round (/proc/pressure/cpu, \"some\": the share of the round, probe start and"
                + " warm-up included, in which at least one thread that could run waited for a core): "
                + String.join(", ", cpuPressure) + ". Where it is high, the wait for a core sets both sides' tails.");
        for (Percentile percentile : Percentile.values()) {
            lines.add(PerRound.addedLine(percentile.label, values(results.get(Side.DIRECT), percentile.ofRound),
                    values(results.get(Side.GATEWAY), percentile.ofRound)));
        }
        return new AtLoad(rows(load, ratePerSide, results), lines);
    }

    /** The results table's rows of one load: each percentile over all rounds' records, per side. */
    private static List<ResultRow> rows(Load load, double ratePerSide, Map<Side, List<LatencyResult>> results) {
        Map<Side, List<Histogram>> histograms = new EnumMap<>(Side.class);
        Map<Side, Histogram> everyRound = new EnumMap<>(Side.class);
        results.forEach((side, runs) -> {
            histograms.put(side, runs.stream().map(run -> LatencyHistogram.decode(run.histogram())).toList());
            everyRound.put(side, pooled(histograms.get(side), IntStream.range(0, runs.size()).toArray()));
        });
        List<RoundBootstrap.Interval> intervals = RoundBootstrap.intervals(results.get(Side.DIRECT).size(), drawn -> {
            Histogram gateway = pooled(histograms.get(Side.GATEWAY), drawn);
            Histogram direct = pooled(histograms.get(Side.DIRECT), drawn);
            return Arrays.stream(Percentile.values())
                    .mapToDouble(percentile -> LatencyHistogram.micros(gateway, percentile.percentile)
                            - LatencyHistogram.micros(direct, percentile.percentile))
                    .toArray();
        });
        String label = "Produce latency at " + Cells.decimal(2 * ratePerSide, 0)
                + " records/s (" + load.description + ", both sides at once), all rounds' records, ";
        List<ResultRow> rows = new ArrayList<>();
        for (Percentile percentile : Percentile.values()) {
            RoundBootstrap.Interval interval = intervals.get(percentile.ordinal());
            rows.add(percentile == Percentile.P99 && load.judged()
                    ? row(label, everyRound, percentile, interval, "≤ +1 ms added",
                            added -> Verdict.over(added, interval, micros -> micros <= TARGET_ADDED_P99_MICROS))
                    : row(label, everyRound, percentile, interval, ResultRow.NONE, added -> Verdict.INFO));
        }
        return rows;
    }

    private PairedLatency runRound(Load load, int round, double ratePerSide, Side firstSlot) {
        BenchSettings settings = context.settings();
        String run = "latency-" + load.shortName() + "-r" + (round + 1);
        Map<Side, String> topics = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            topics.put(side, TOPIC + "-" + load.shortName() + "-" + (round + 1) + "-" + side.label());
            context.clusters().createTopic(BrokerClusters.MAIN, topics.get(side), BenchSettings.TOPIC_PARTITIONS);
        }
        try {
            return probe.run(run, bootstrapServers, topics, ratePerSide,
                    settings.latencyRun(), settings.latencyWarmUp(), settings.recordSize(), firstSlot);
        } finally {
            topics.values().forEach(topic -> context.clusters().deleteTopic(BrokerClusters.MAIN, topic));
        }
    }

    /**
     * A percentile over the records of every round of each side, taken at the same moments on both,
     * with the interval of its difference over resampled rounds.
     */
    private static ResultRow row(String label, Map<Side, Histogram> everyRound, Percentile percentile,
                                 RoundBootstrap.Interval interval, String target, DoubleFunction<Verdict> verdictOfAdded) {
        double directMicros = LatencyHistogram.micros(everyRound.get(Side.DIRECT), percentile.percentile);
        double gatewayMicros = LatencyHistogram.micros(everyRound.get(Side.GATEWAY), percentile.percentile);
        return new ResultRow(label + percentile.label, Cells.millis(directMicros), Cells.millis(gatewayMicros),
                Cells.addedMillis(gatewayMicros, directMicros), RoundBootstrap.addedMillisCell(interval), target,
                verdictOfAdded.apply(gatewayMicros - directMicros));
    }

    /** The records of the rounds drawn, a round drawn twice counting twice. */
    private static Histogram pooled(List<Histogram> rounds, int[] drawn) {
        Histogram all = LatencyHistogram.empty();
        for (int round : drawn) {
            all.add(rounds.get(round));
        }
        return all;
    }

    private static List<Double> values(List<LatencyResult> results, ToDoubleFunction<LatencyResult> value) {
        return results.stream().map(result -> value.applyAsDouble(result)).toList();
    }
}
