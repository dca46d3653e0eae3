package io.kafkafailover.bench.profile;

import io.kafkafailover.bench.BenchContext;
import io.kafkafailover.bench.BenchSettings;
import io.kafkafailover.bench.Side;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.bench.process.Commands;
import io.kafkafailover.bench.report.BenchmarkReport;
import io.kafkafailover.bench.report.Cells;
import io.kafkafailover.bench.throughput.ProducerLoad;
import io.kafkafailover.bench.throughput.ProducerThroughput;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --profile}: records the gateway with JFR (started and stopped through {@code jcmd}, so the
 * gateway needs no restart and no measured run carries the recording's overhead) during one extra
 * through-gateway producer run, and reports where its CPU time goes.
 */
public final class ProfilePhase {
    private static final int TOP = 15;
    private static final String RECORDING = "bench";

    private final BenchContext context;

    public ProfilePhase(BenchContext context) {
        this.context = context;
    }

    public BenchmarkReport.Section run(double directRecordsPerSecond) {
        BenchSettings settings = context.settings();
        Path file = context.paths().workDirectory().resolve("gateway-profile.jfr");
        long perProducer = settings.recordsFor(directRecordsPerSecond / settings.producers(), settings.producerRun());
        ProducerLoad load = new ProducerLoad(settings.producers(), perProducer, settings.recordSize(), ProducerLoad.UNTHROTTLED);
        String topic = "bench-profile";
        context.clusters().createTopic(BrokerClusters.MAIN, topic, BenchSettings.TOPIC_PARTITIONS);
        try {
            jcmd("JFR.start", "name=" + RECORDING, "settings=profile", "filename=" + file);
            try (ProducerThroughput producer = new ProducerThroughput(context.paths(), context.loadJvmOptions(),
                    "profile-gateway")) {
                producer.run("profile-gateway", Side.GATEWAY.bootstrapServers(context), topic, load);
            }
            jcmd("JFR.stop", "name=" + RECORDING);
        } finally {
            context.clusters().deleteTopic(BrokerClusters.MAIN, topic);
        }
        HotMethods hot = HotMethods.read(file, TOP);
        List<String> lines = new ArrayList<>(List.of(
                "JFR `profile` settings on the gateway during one extra, unmeasured through-gateway producer run ("
                        + load.producers() + " × " + load.recordsPerProducer() + " records); " + hot.samples()
                        + " CPU samples; recording: `" + file + "` (open it in JDK Mission Control for more).",
                "",
                "Top of stack (self time):",
                ""));
        lines.addAll(table(hot.self(), hot.samples()));
        lines.addAll(List.of("", "The gateway's own methods, including what they call:", ""));
        lines.addAll(table(hot.gatewayInclusive(), hot.samples()));
        return new BenchmarkReport.Section("Gateway CPU profile (JFR)", lines);
    }

    private static List<String> table(Map<String, Long> counts, long samples) {
        List<String> lines = new ArrayList<>(List.of("| Method | Samples | Share |", "|---|---:|---:|"));
        counts.forEach((method, count) -> lines.add("| `" + method + "` | " + count + " | "
                + Cells.decimal(100.0 * count / Math.max(1, samples), 1) + " % |"));
        return lines;
    }

    private void jcmd(String... command) {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(context.gateway().pid())));
        args.addAll(List.of(command));
        Commands.run(args, Duration.ofSeconds(60), "--profile needs a JDK with jcmd");
    }
}
