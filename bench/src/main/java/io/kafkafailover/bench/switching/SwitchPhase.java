package io.kafkafailover.bench.switching;

import io.kafkafailover.bench.BenchContext;
import io.kafkafailover.bench.BenchSettings;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.bench.report.BenchmarkReport;
import io.kafkafailover.bench.report.Cells;
import io.kafkafailover.bench.report.PhaseResult;
import io.kafkafailover.bench.report.ResultRow;
import io.kafkafailover.bench.report.Stats;
import io.kafkafailover.bench.report.Verdict;

import java.util.ArrayList;
import java.util.List;

/** Switch time through the gateway, see {@link SwitchTime}; there is no direct counterpart. */
public final class SwitchPhase {
    public static final double TARGET_P99_SECONDS = 2.0;
    private static final String TOPIC = "bench-switch";

    private final BenchContext context;

    public SwitchPhase(BenchContext context) {
        this.context = context;
    }

    public PhaseResult run() {
        SwitchTime.Settings settings = context.settings().switching();
        for (String cluster : List.of(BrokerClusters.MAIN, BrokerClusters.FAILOVER)) {
            context.clusters().createTopic(cluster, TOPIC, BenchSettings.TOPIC_PARTITIONS);
        }
        SwitchResults results;
        try {
            results = new SwitchTime(settings).run(context.gateway(), context.clusters(), TOPIC);
        } finally {
            for (String cluster : List.of(BrokerClusters.MAIN, BrokerClusters.FAILOVER)) {
                context.clusters().deleteTopic(cluster, TOPIC);
            }
        }
        int expected = results.switches() * results.producers();
        String label = "Switch time, " + results.producers() + " producers × " + results.switches() + " switches, ";
        List<ResultRow> rows;
        if (results.seconds().isEmpty()) {
            rows = List.of(new ResultRow(label + "p99", ResultRow.NONE, "no producer confirmed", ResultRow.NONE,
                    "≤ " + Cells.seconds(TARGET_P99_SECONDS), Verdict.MISSED));
        } else {
            double p99 = Stats.percentile(results.seconds(), 0.99);
            // A producer that never heard from the new cluster took longer than anything measured.
            boolean met = p99 <= TARGET_P99_SECONDS && results.unconfirmed() <= expected / 100;
            rows = List.of(
                    gatewayOnly(label + "p50", Cells.seconds(Stats.percentile(results.seconds(), 0.50)), "", Verdict.INFO),
                    gatewayOnly(label + "p99", Cells.seconds(p99), "≤ " + Cells.seconds(TARGET_P99_SECONDS), Verdict.of(met)),
                    gatewayOnly(label + "max", Cells.seconds(Stats.max(results.seconds())), "", Verdict.INFO));
        }
        List<String> lines = new ArrayList<>(List.of(
                "Each of " + results.producers() + " producers (Kafka defaults: idempotent, acks=all) sends one record every "
                        + settings.sendInterval().toMillis() + " ms through the gateway while it is switched "
                        + results.switches() + " times, main → failover → main ...; after every producer was"
                        + " acknowledged again and " + settings.settle().toMillis() + " ms more, the next switch follows.",
                "A sample is the time from the switch call's return to a producer's first acknowledgement that only the"
                        + " new cluster can have given: afterwards both clusters' topics were read back ("
                        + results.recordsReadBack() + " records), and the new cluster, not the old, holds that record at the"
                        + " acknowledged partition and offset.",
                "",
                "- samples: " + results.seconds().size() + " of " + expected + " switch × producer pairs; without an"
                        + " acknowledgement from the new cluster before the next switch: " + results.unconfirmed(),
                "- records acknowledged: " + results.acked() + "; records the producers gave up on: " + results.failedRecords()
                        + (results.errors().isEmpty() ? "" : ", with:")));
        results.errors().forEach((error, count) -> lines.add("  - " + count + " × `" + error.replace('`', '\'') + "`"));
        lines.add("- once stopped, the slowest producer needed " + Cells.seconds(results.slowestClose().toMillis() / 1000.0)
                + " to deliver its last records (a producer gives up after " + SwitchProducers.CLOSE_TIMEOUT.toSeconds()
                + " s; those records count as given up on)");
        lines.add("- mean duration of the switch call itself: " + Cells.decimal(results.meanCallMillis(), 1) + " ms");
        return new PhaseResult(rows, new BenchmarkReport.Section("Switch time", lines));
    }

    private static ResultRow gatewayOnly(String label, String value, String target, Verdict verdict) {
        return new ResultRow(label, ResultRow.NONE, value, ResultRow.NONE, target.isEmpty() ? ResultRow.NONE : target, verdict);
    }
}
