package io.kafkafailover.bench.throughput;

import io.kafkafailover.bench.BenchContext;
import io.kafkafailover.bench.BenchSettings;
import io.kafkafailover.bench.Side;
import io.kafkafailover.bench.cpu.CpuUsage;
import io.kafkafailover.bench.cpu.MachineCpuUsage;
import io.kafkafailover.bench.cpu.RunCpuMeter;
import io.kafkafailover.bench.memory.MemorySample;
import io.kafkafailover.bench.memory.MemorySampler;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.bench.report.BenchmarkReport;
import io.kafkafailover.bench.report.Cells;
import io.kafkafailover.bench.report.PerRound;
import io.kafkafailover.bench.report.PhaseResult;
import io.kafkafailover.bench.report.ResultRow;
import io.kafkafailover.bench.report.Stats;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Producer throughput, direct against through the gateway: several ProducerPerformance producers,
 * 1 KiB records, acks=all, unthrottled, into a fresh topic per run (replicated to all three
 * brokers). The gateway's CPU time is metered while it carries this load, and its memory sampled
 * during the unmeasured settling rounds of the same load.
 * All runs share one load-generator JVM, so that the producers are warm too. An unmeasured run
 * through the gateway warms the brokers, the gateway and the producers first; a direct
 * calibration run on the warm brokers then sizes the measured runs, and unmeasured settling rounds
 * of that size let the brokers finish compiling for runs of that shape.
 */
public final class ProducerPhase {
    public static final double TARGET_RATIO = 0.97;

    /**
     * @param directRecordsPerSecond median direct rate, the basis of the latency phase's fixed rate
     * @param gatewayCpu             the gateway's CPU time in each through-gateway run
     * @param machineCpu             where the machine's CPU time went in each measured run, both sides
     */
    public record Outcome(PhaseResult result, double directRecordsPerSecond, MemorySample gatewayPeakMemory,
                          List<CpuUsage> gatewayCpu, List<MachineCpuUsage> machineCpu) {
    }

    private final BenchContext context;
    private final ProducerThroughput producer;

    public ProducerPhase(BenchContext context) {
        this.context = context;
        this.producer = new ProducerThroughput(context.paths(), context.loadJvmOptions(), "producer-performance");
    }

    public Outcome run() {
        try (producer) {
            return measure();
        }
    }

    private Outcome measure() {
        BenchSettings settings = context.settings();
        ProducerLoad calibration = calibrationLoad();
        // Through the gateway, the brokers' produce path warms up too; neither side's measured runs
        // then pay for compiling it, and the calibration measures warm brokers, as the runs it sizes do.
        ProducerLoad warmUp = calibration.withRecordsPerProducer(settings.warmUpRecords());
        runOnce("produce-warmup-gateway", Side.GATEWAY, warmUp);
        ProducerResult calibrated = runOnce("produce-calibration", Side.DIRECT, calibration);
        long perProducer = settings.recordsFor(calibrated.recordsPerSecond() / settings.producers(), settings.producerRun());
        ProducerLoad load = calibration.withRecordsPerProducer(perProducer);
        MemorySample peak = settle(load);

        Map<Side, List<ProducerResult>> results = new EnumMap<>(Side.class);
        List<CpuUsage> gatewayCpu = new ArrayList<>();
        List<MachineCpuUsage> machineCpu = new ArrayList<>();
        List<String> lines = new ArrayList<>(List.of(
                "Warm-up (through the gateway, unmeasured): " + warmUp.producers() + " × " + warmUp.recordsPerProducer()
                        + " records. Calibration (direct, unmeasured, after the warm-up): " + calibrated.records()
                        + " records at " + Cells.decimal(calibrated.recordsPerSecond(), 0)
                        + " records/s; each measured run sends "
                        + load.producers() + " × " + load.recordsPerProducer() + " records of " + load.recordSize()
                        + " B, after " + settings.settlingRounds() + " unmeasured settling rounds of the same runs.",
                "",
                "| Round | Side | records/s | MiB/s |",
                "|---:|---|---:|---:|"));
        for (int round = 0; round < settings.rounds(); round++) {
            for (Side side : Side.order(round)) {
                String name = "produce-r" + (round + 1) + "-" + side.label();
                ProducerResult result = withTopic(name, topic -> {
                    RunCpuMeter cpu = RunCpuMeter.start(context.clusters().pid(), context.gateway().pid());
                    ProducerResult measured = producer.run(name, side.bootstrapServers(context), topic, load);
                    cpu.stop(name, side, measured.seconds(), measured.records() * load.recordSize()).addTo(machineCpu, gatewayCpu);
                    return measured;
                });
                results.computeIfAbsent(side, s -> new ArrayList<>()).add(result);
                lines.add("| " + (round + 1) + " | " + side.label() + " | " + Cells.decimal(result.recordsPerSecond(), 0)
                        + " | " + Cells.decimal(result.mibPerSecond(), 2) + " |");
            }
        }
        List<Double> directMibs = results.get(Side.DIRECT).stream().map(ProducerResult::mibPerSecond).toList();
        List<Double> gatewayMibs = results.get(Side.GATEWAY).stream().map(ProducerResult::mibPerSecond).toList();
        lines.add("");
        lines.add(PerRound.line(directMibs, gatewayMibs));
        double directRecords = Stats.median(results.get(Side.DIRECT).stream().map(ProducerResult::recordsPerSecond).toList());
        ResultRow row = ResultRow.ratioOfMedians(
                "Producer throughput (" + load.producers() + " producers, " + load.recordSize() + " B records, acks=all), median MiB/s",
                directMibs, gatewayMibs, TARGET_RATIO);
        return new Outcome(new PhaseResult(List.of(row), new BenchmarkReport.Section("Producer throughput runs", lines)),
                directRecords, peak, gatewayCpu, machineCpu);
    }

    /**
     * The unmeasured settling rounds, which also give the gateway's peak memory under this load: it
     * is sampled here and not in the measured runs, because each sample is a /metrics request the
     * gateway answers, work the direct side never does.
     */
    private MemorySample settle(ProducerLoad load) {
        MemorySample peak = new MemorySample(0, 0);
        for (int round = 0; round < context.settings().settlingRounds(); round++) {
            for (Side side : Side.order(round)) {
                String name = "produce-settling-r" + (round + 1) + "-" + side.label();
                if (side == Side.DIRECT) {
                    runOnce(name, side, load);
                    continue;
                }
                try (MemorySampler sampler = new MemorySampler(context.gateway())) {
                    runOnce(name, side, load);
                    peak = MemorySample.max(peak, sampler.peak());
                }
            }
        }
        return peak;
    }

    /** The direct calibration run alone: sizes the other measurements when this one is left out (--only). */
    public double calibrate() {
        try (producer) {
            return runOnce("produce-calibration", Side.DIRECT, calibrationLoad()).recordsPerSecond();
        }
    }

    private ProducerLoad calibrationLoad() {
        BenchSettings settings = context.settings();
        return new ProducerLoad(settings.producers(), settings.calibrationRecords(), settings.recordSize(),
                ProducerLoad.UNTHROTTLED);
    }

    private ProducerResult runOnce(String name, Side side, ProducerLoad load) {
        return withTopic(name, topic -> producer.run(name, side.bootstrapServers(context), topic, load));
    }

    /** A fresh topic for one run, deleted after it; the meters inside {@code run} leave the brokers' work on it out. */
    private ProducerResult withTopic(String name, Function<String, ProducerResult> run) {
        String topic = "bench-" + name;
        context.clusters().createTopic(BrokerClusters.MAIN, topic, BenchSettings.TOPIC_PARTITIONS);
        try {
            return run.apply(topic);
        } finally {
            context.clusters().deleteTopic(BrokerClusters.MAIN, topic); // gigabytes per run otherwise
        }
    }
}
