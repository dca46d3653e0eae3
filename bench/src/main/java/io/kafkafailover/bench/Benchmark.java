package io.kafkafailover.bench;

import io.kafkafailover.bench.cpu.CpuUsage;
import io.kafkafailover.bench.cpu.GatewayCpuReport;
import io.kafkafailover.bench.cpu.MachineCpuReport;
import io.kafkafailover.bench.cpu.MachineCpuUsage;
import io.kafkafailover.bench.fanout.FanOutPhase;
import io.kafkafailover.bench.latency.LatencyPhase;
import io.kafkafailover.bench.memory.MemoryPhase;
import io.kafkafailover.bench.memory.MemorySample;
import io.kafkafailover.bench.memory.MemorySampler;
import io.kafkafailover.bench.process.BenchPaths;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.bench.process.ClustersMain;
import io.kafkafailover.bench.process.CpuPlacement;
import io.kafkafailover.bench.process.GatewayProcess;
import io.kafkafailover.bench.profile.ProfilePhase;
import io.kafkafailover.bench.report.BenchmarkReport;
import io.kafkafailover.bench.report.Machine;
import io.kafkafailover.bench.report.PhaseResult;
import io.kafkafailover.bench.report.ResultRow;
import io.kafkafailover.bench.switching.SwitchPhase;
import io.kafkafailover.bench.throughput.ConsumerPhase;
import io.kafkafailover.bench.throughput.ProducerPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark run: starts both clusters and the gateway in their own JVMs, runs every phase,
 * and returns the report. Nothing is shared between runs.
 */
public final class Benchmark {
    private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);

    /** Room for six brokers and two controllers; the testkit needs ~25 MB of heap per node at rest. */
    static final List<String> BROKER_JVM = List.of("-Xms1g", "-Xmx2g");
    /**
     * The gateway image's JAVA_TOOL_OPTIONS (gateway/Dockerfile), with MaxRAM standing in for the
     * 1 GiB memory limit of manifests/examples/payments.yaml: a 768 MiB heap ceiling, as in that pod.
     */
    static final List<String> GATEWAY_JVM = List.of("-XX:MaxRAM=1g", "-XX:MaxRAMPercentage=75",
            "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData");
    /** Every load generator, direct or through the gateway, runs with exactly these. */
    static final List<String> LOAD_JVM = List.of("-Xmx1g");

    private Benchmark() {
    }

    public static BenchmarkReport run(BenchSettings settings, BenchPaths locatedPaths) {
        return run(settings, locatedPaths, Map.of(), CpuPlacement.SHARED);
    }

    /**
     * @param gatewaySettings {@code GATEWAY_*} variables for the gateway under test, beyond the defaults
     * @param cpus            where the brokers and the gateway run, and where everything else does
     */
    public static BenchmarkReport run(BenchSettings settings, BenchPaths locatedPaths, Map<String, String> gatewaySettings,
                                      CpuPlacement cpus) {
        BenchPaths paths = locatedPaths.forRun(settings.mode());
        Instant started = Instant.now();
        String loadBefore = Machine.loadAverage();
        Map<String, String> machine = Machine.describe(); // before placement narrows this JVM's CPUs
        LOG.info("Benchmark ({} mode) starting; load average {}; CPU placement: {}", settings.mode(), loadBefore,
                cpus.describe());
        cpus.placeThisProcess();
        List<ResultRow> rows = new ArrayList<>();
        List<BenchmarkReport.Section> sections = new ArrayList<>();
        try (BrokerClusters clusters = BrokerClusters.start(paths, BROKER_JVM, cpus);
             GatewayProcess gateway = GatewayProcess.start(paths, clusters, GATEWAY_JVM, gatewaySettings, cpus)) {
            Thread cleanup = new Thread(() -> {
                gateway.close();
                clusters.close();
            }, "bench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            MemorySample afterStart = MemorySampler.now(gateway);
            BenchContext context = new BenchContext(settings, paths, clusters, gateway, LOAD_JVM, cpus);

            LOG.info("Producer throughput...");
            ProducerPhase.Outcome producers = null;
            double directRate;
            if (settings.runs("producer") || settings.runs("memory")) {
                producers = new ProducerPhase(context).run();
                add(producers.result(), rows, sections);
                directRate = producers.directRecordsPerSecond();
            } else {
                directRate = new ProducerPhase(context).calibrate();
            }
            List<CpuUsage> consumerCpu = List.of();
            List<MachineCpuUsage> consumerMachineCpu = List.of();
            if (settings.runs("consumer")) {
                LOG.info("Consumer throughput...");
                ConsumerPhase.Outcome consumers = new ConsumerPhase(context).run(directRate);
                add(consumers.result(), rows, sections);
                consumerCpu = consumers.gatewayCpu();
                consumerMachineCpu = consumers.machineCpu();
            }
            if (settings.runs("latency")) {
                LOG.info("Produce latency...");
                add(new LatencyPhase(context).run(directRate), rows, sections);
            }
            if (settings.runs("switch")) {
                LOG.info("Switch time...");
                add(new SwitchPhase(context).run(), rows, sections);
            }
            if (settings.runs("fanout")) {
                LOG.info("Operator fan-out...");
                add(new FanOutPhase(context).run(), rows, sections);
            }
            if (settings.runs("memory")) {
                LOG.info("Gateway memory...");
                add(new MemoryPhase(context).run(afterStart, producers.gatewayPeakMemory()), rows, sections);
            }
            List<CpuUsage> producerCpu = producers != null ? producers.gatewayCpu() : List.of();
            if (!producerCpu.isEmpty() || !consumerCpu.isEmpty()) {
                add(GatewayCpuReport.of(producerCpu, consumerCpu), rows, sections);
            }
            List<MachineCpuUsage> producerMachineCpu = producers != null ? producers.machineCpu() : List.of();
            if (!producerMachineCpu.isEmpty() || !consumerMachineCpu.isEmpty()) {
                add(MachineCpuReport.of(producerMachineCpu, consumerMachineCpu), rows, sections);
            }
            if (settings.profile()) {
                LOG.info("Profiling the gateway with JFR...");
                sections.add(new ProfilePhase(context).run(directRate));
            }
            sections.add(setup(settings, gateway, gatewaySettings, cpus));
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        return new BenchmarkReport(settings.mode(), started, Duration.between(started, Instant.now()), machine,
                loadBefore, Machine.loadAverage(), rows, sections);
    }

    private static void add(PhaseResult result, List<ResultRow> rows, List<BenchmarkReport.Section> sections) {
        rows.addAll(result.rows());
        sections.add(result.details());
    }

    /** Each setting as {@code NAME=VALUE}, by name, as the report's setup and command line show them. */
    static List<String> describe(Map<String, String> gatewaySettings) {
        return new TreeMap<>(gatewaySettings).entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue()).toList();
    }

    /** Only for a placement: what it stands for. */
    private static String placementMeaning(CpuPlacement cpus) {
        String brokers = cpus.brokers().isEmpty() ? ""
                : " As in production, the brokers' cores serve only the brokers: on both sides every request crosses"
                        + " once from the clients' cores to the brokers'.";
        String gateway = cpus.gateway().isEmpty()
                ? " The gateway's CPU comes out of the clients' cores."
                : " The gateway's CPU comes from cores of its own, as where its pods run on other nodes, and in the"
                        + " direct runs those cores stay idle.";
        return brokers + gateway;
    }

    private static BenchmarkReport.Section setup(BenchSettings settings, GatewayProcess gateway,
                                                 Map<String, String> gatewaySettings, CpuPlacement cpus) {
        return new BenchmarkReport.Section("Setup", List.of(
                "- Brokers: two real KRaft clusters on 127.0.0.1 in one JVM of their own (" + String.join(" ", BROKER_JVM)
                        + "): `main` with brokers " + BrokerClusters.MAIN_BROKER_IDS + " and `failover` with brokers "
                        + BrokerClusters.FAILOVER_BROKER_IDS + ", each with one KRaft controller. Every topic has "
                        + BenchSettings.TOPIC_PARTITIONS + " partitions replicated to all three brokers. PLAINTEXT."
                        + " Kafka's default segment size; a deleted topic's files are removed "
                        + ClustersMain.DELETED_LOG_DELAY_MS + " ms later (`log.segment.delete.delay.ms`; Kafka waits"
                        + " 60 s), so that the runs' logs, deleted after each run, are not written to disk during"
                        + " later runs; and the next run starts only once the brokers have removed them, since removing"
                        + " gigabytes of log stalls the brokers' appends.",
                "- Gateway: " + gateway.launchedFrom() + ", in its own JVM (" + String.join(" ", GATEWAY_JVM)
                        + "), configured through its environment as a pod is, in front of both clusters; settings beyond"
                        + " the defaults: " + (gatewaySettings.isEmpty() ? "none" : "`" + String.join(" ", describe(gatewaySettings)) + "`") + ".",
                "- Load generators: Kafka's ProducerPerformance from kafka-tools, several producers in one JVM that"
                        + " stays up for all producer runs of a measurement, and its ConsumerPerformance, likewise in"
                        + " one JVM for all consumer runs, so that both sides meet warm clients; the harness's"
                        + " fixed-rate latency probe, each run in a fresh JVM that warms up first; all with "
                        + String.join(" ", LOAD_JVM) + ". The switch producers run in the harness's JVM.",
                "- Direct and through-gateway runs use the same settings, alternate (direct first in odd rounds,"
                        + " gateway first in even ones) and number " + settings.rounds() + " per side; the table shows medians."
                        + " Latency runs do not alternate: in each round both sides' producers send at once, on one"
                        + " schedule, and the table compares each side's percentiles over all rounds' records.",
                cpus.placed()
                        ? "- CPU placement: " + cpus.describe() + ", for both sides (`taskset`)." + placementMeaning(cpus)
                        : "- All of it shares one machine: every number includes the brokers, the load generators and the"
                                + " gateway competing for the same cores."));
    }
}
