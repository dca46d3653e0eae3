package io.kafkafailover.bench.throughput;

import io.kafkafailover.bench.BenchContext;
import io.kafkafailover.bench.BenchSettings;
import io.kafkafailover.bench.Side;
import io.kafkafailover.bench.cpu.CpuUsage;
import io.kafkafailover.bench.cpu.MachineCpuUsage;
import io.kafkafailover.bench.cpu.RunCpuMeter;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.bench.report.BenchmarkReport;
import io.kafkafailover.bench.report.Cells;
import io.kafkafailover.bench.report.PerRound;
import io.kafkafailover.bench.report.PhaseResult;
import io.kafkafailover.bench.report.ResultRow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Consumer throughput, direct against through the gateway: Kafka's ConsumerPerformance reads one
 * data set, written once beforehand, from the start in a fresh group each run, every run in one
 * consumer JVM that stays up from the first read to the last. One unmeasured read per side first
 * puts the data set in the page cache and compiles each side's fetch path (the consumer's and the
 * brokers' for both, the gateway's for its own), so that no measured run pays for the disk or a
 * cold JIT alone. The gateway's CPU time is metered during its runs.
 */
public final class ConsumerPhase {
    public static final double TARGET_RATIO = 0.95;
    private static final String TOPIC = "bench-consume";

    /**
     * @param gatewayCpu the gateway's CPU time in each through-gateway run
     * @param machineCpu where the machine's CPU time went in each measured run, both sides
     */
    public record Outcome(PhaseResult result, List<CpuUsage> gatewayCpu, List<MachineCpuUsage> machineCpu) {
    }

    private final BenchContext context;

    public ConsumerPhase(BenchContext context) {
        this.context = context;
    }

    /** @param directRecordsPerSecond the producer phase's direct rate, which sizes the data set */
    public Outcome run(double directRecordsPerSecond) {
        BenchSettings settings = context.settings();
        long perProducer = settings.recordsFor(directRecordsPerSecond / settings.producers(), settings.consumerData());
        ProducerLoad fill = new ProducerLoad(settings.producers(), perProducer, settings.recordSize(), ProducerLoad.UNTHROTTLED);
        context.clusters().createTopic(BrokerClusters.MAIN, TOPIC, BenchSettings.TOPIC_PARTITIONS);
        try {
            try (ProducerThroughput producer = new ProducerThroughput(context.paths(), context.loadJvmOptions(),
                    "consume-fill")) {
                producer.run("consume-fill", Side.DIRECT.bootstrapServers(context), TOPIC, fill);
            }
            return measure(fill.totalRecords());
        } finally {
            context.clusters().deleteTopic(BrokerClusters.MAIN, TOPIC);
        }
    }

    private Outcome measure(long records) {
        BenchSettings settings = context.settings();
        try (ConsumerThroughput consumer = new ConsumerThroughput(context.paths(), context.loadJvmOptions(),
                "consume")) {
            for (Side side : Side.order(0)) {
                consumer.run("consume-warmup-" + side.label(), side.bootstrapServers(context), TOPIC, records);
            }

            Map<Side, List<ConsumerResult>> results = new EnumMap<>(Side.class);
            List<CpuUsage> gatewayCpu = new ArrayList<>();
            List<MachineCpuUsage> machineCpu = new ArrayList<>();
            List<String> lines = new ArrayList<>(List.of(
                    "Data set: " + records + " records of " + settings.recordSize() + " B in " + BenchSettings.TOPIC_PARTITIONS
                            + " partitions, read by one ConsumerPerformance consumer per run, all runs in one warm"
                            + " JVM, after one unmeasured read per side. Fetch rates leave out the group join, shown"
                            + " separately.",
                    "",
                    "| Round | Side | fetch MiB/s | fetch records/s | group join ms |",
                    "|---:|---|---:|---:|---:|"));
            for (int round = 0; round < settings.rounds(); round++) {
                for (Side side : Side.order(round)) {
                    String name = "consume-r" + (round + 1) + "-" + side.label();
                    RunCpuMeter cpu = RunCpuMeter.start(context.clusters().pid(), context.gateway().pid());
                    ConsumerResult result = consumer.run(name, side.bootstrapServers(context), TOPIC, records);
                    cpu.stop(name, side, result.seconds(), result.records() * settings.recordSize()).addTo(machineCpu, gatewayCpu);
                    results.computeIfAbsent(side, s -> new ArrayList<>()).add(result);
                    lines.add("| " + (round + 1) + " | " + side.label() + " | " + Cells.decimal(result.fetchMibPerSecond(), 2)
                            + " | " + Cells.decimal(result.fetchRecordsPerSecond(), 0) + " | " + result.rebalanceMillis() + " |");
                }
            }
            List<Double> directMibs = results.get(Side.DIRECT).stream().map(ConsumerResult::fetchMibPerSecond).toList();
            List<Double> gatewayMibs = results.get(Side.GATEWAY).stream().map(ConsumerResult::fetchMibPerSecond).toList();
            lines.add("");
            lines.add(PerRound.line(directMibs, gatewayMibs));
            ResultRow row = ResultRow.ratioOfMedians("Consumer throughput (1 consumer, fetch), median MiB/s",
                    directMibs, gatewayMibs, TARGET_RATIO);
            return new Outcome(new PhaseResult(List.of(row), new BenchmarkReport.Section("Consumer throughput runs", lines)),
                    gatewayCpu, machineCpu);
        }
    }
}
