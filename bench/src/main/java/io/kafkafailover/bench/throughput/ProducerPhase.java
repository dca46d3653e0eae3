package io.kafkafailover.bench.throughput;

import io.kafkafailover.bench.BenchContext;
import io.kafkafailover.bench.BenchSettings;
import io.kafkafailover.bench.Side;
import io.kafkafailover.bench.cpu.CpuMeter;
import io.kafkafailover.bench.cpu.CpuUsage;
import io.kafkafailover.bench.memory.MemorySample;
import io.kafkafailover.bench.memory.MemorySampler;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.bench.report.BenchmarkReport;
import io.kafkafailover.bench.report.Cells;
import io.kafkafailover.bench.report.PhaseResult;
import io.kafkafailover.bench.report.ResultRow;
import io.kafkafailover.bench.report.Stats;
import io.kafkafailover.bench.report.Verdict;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Producer throughput, direct against through the gateway: several ProducerPerformance producers,
 * 1 KiB records, acks=all, unthrottled, into a fresh topic per run (replicated to all three
 * brokers). The gateway's memory is sampled, and its CPU time metered, while it carries this load.
 * The direct calibration run and an unmeasured gateway run of the same size warm both sides first.
 */
public final class ProducerPhase {
    public static final double TARGET_RATIO = 0.97;

    /**
     * @param directRecordsPerSecond median direct rate, the basis of the latency phase's fixed rate
     * @param gatewayCpu             the gateway's CPU time in each through-gateway run
     */
    public record Outcome(PhaseResult result, double directRecordsPerSecond, MemorySample gatewayPeakMemory,
                          List<CpuUsage> gatewayCpu) {
    }

    private final BenchContext context;
    private final ProducerThroughput producer;

    public ProducerPhase(BenchContext context) {
        this.context = context;
        this.producer = new ProducerThroughput(context.paths(), context.loadJvmOptions());
    }

    public Outcome run() {
        BenchSettings settings = context.settings();
        ProducerLoad calibration = calibrationLoad();
        ProducerResult calibrated = runOnce("produce-calibration", Side.DIRECT, calibration);
        // The calibration warmed the brokers' produce path; this warms the gateway's, so that neither
        // side's first measured run pays for compiling it.
        runOnce("produce-warmup-gateway", Side.GATEWAY, calibration);
        long perProducer = settings.recordsFor(calibrated.recordsPerSecond() / settings.producers(), settings.producerRun());
        ProducerLoad load = calibration.withRecordsPerProducer(perProducer);

        Map<Side, List<ProducerResult>> results = new EnumMap<>(Side.class);
        MemorySample peak = new MemorySample(0, 0);
        List<CpuUsage> gatewayCpu = new ArrayList<>();
        List<String> lines = new ArrayList<>(List.of(
                "Calibration (direct, unmeasured, then the same through the gateway as its warm-up): "
                        + calibrated.records() + " records at "
                        + Cells.decimal(calibrated.recordsPerSecond(), 0) + " records/s; each measured run sends "
                        + load.producers() + " × " + load.recordsPerProducer() + " records of " + load.recordSize() + " B.",
                "",
                "| Round | Side | records/s | MiB/s |",
                "|---:|---|---:|---:|"));
        for (int round = 0; round < settings.rounds(); round++) {
            for (Side side : Side.order(round)) {
                String name = "produce-r" + (round + 1) + "-" + side.label();
                ProducerResult result;
                if (side == Side.GATEWAY) {
                    try (MemorySampler sampler = new MemorySampler(context.gateway())) {
                        CpuMeter cpu = CpuMeter.start(context.gateway().pid());
                        result = runOnce(name, side, load);
                        gatewayCpu.add(cpu.stop(name, result.seconds(), result.records() * load.recordSize()));
                        peak = MemorySample.max(peak, sampler.peak());
                    }
                } else {
                    result = runOnce(name, side, load);
                }
                results.computeIfAbsent(side, s -> new ArrayList<>()).add(result);
                lines.add("| " + (round + 1) + " | " + side.label() + " | " + Cells.decimal(result.recordsPerSecond(), 0)
                        + " | " + Cells.decimal(result.mibPerSecond(), 2) + " |");
            }
        }
        double direct = Stats.median(results.get(Side.DIRECT).stream().map(ProducerResult::mibPerSecond).toList());
        double gateway = Stats.median(results.get(Side.GATEWAY).stream().map(ProducerResult::mibPerSecond).toList());
        double directRecords = Stats.median(results.get(Side.DIRECT).stream().map(ProducerResult::recordsPerSecond).toList());
        ResultRow row = new ResultRow(
                "Producer throughput (" + load.producers() + " producers, " + load.recordSize() + " B records, acks=all), median MiB/s",
                Cells.decimal(direct, 2), Cells.decimal(gateway, 2), Cells.ratio(gateway, direct),
                "≥ " + TARGET_RATIO + " of direct", Verdict.of(gateway / direct >= TARGET_RATIO));
        return new Outcome(new PhaseResult(List.of(row), new BenchmarkReport.Section("Producer throughput runs", lines)),
                directRecords, peak, gatewayCpu);
    }

    /** The direct calibration run alone: sizes the other measurements when this one is left out (--only). */
    public double calibrate() {
        return runOnce("produce-calibration", Side.DIRECT, calibrationLoad()).recordsPerSecond();
    }

    private ProducerLoad calibrationLoad() {
        BenchSettings settings = context.settings();
        return new ProducerLoad(settings.producers(), settings.calibrationRecords(), settings.recordSize(),
                ProducerLoad.UNTHROTTLED);
    }

    private ProducerResult runOnce(String name, Side side, ProducerLoad load) {
        String topic = "bench-" + name;
        context.clusters().createTopic(BrokerClusters.MAIN, topic, BenchSettings.TOPIC_PARTITIONS);
        try {
            return producer.run(name, side.bootstrapServers(context), topic, load);
        } finally {
            context.clusters().deleteTopic(BrokerClusters.MAIN, topic); // gigabytes per run otherwise
        }
    }
}
