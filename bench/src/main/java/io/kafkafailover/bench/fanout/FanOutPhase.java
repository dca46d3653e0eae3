package io.kafkafailover.bench.fanout;

import io.kafkafailover.bench.BenchContext;
import io.kafkafailover.bench.report.BenchmarkReport;
import io.kafkafailover.bench.report.Cells;
import io.kafkafailover.bench.report.PhaseResult;
import io.kafkafailover.bench.report.ResultRow;
import io.kafkafailover.bench.report.Stats;
import io.kafkafailover.bench.report.Verdict;
import io.kafkafailover.operator.switching.SwitchPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs {@link OperatorFanOut} and reports it. */
public final class FanOutPhase {
    private static final Logger LOG = LoggerFactory.getLogger(FanOutPhase.class);
    private static final String LABEL = "Operator fan-out: spec.active patch to all " + OperatorFanOut.GATEWAYS
            + " gateways confirmed, ";
    private static final String TITLE = "Operator fan-out";
    private static final int MAX_ERROR = 600;

    private final BenchContext context;

    public FanOutPhase(BenchContext context) {
        this.context = context;
    }

    public PhaseResult run() {
        FanOutResults results;
        try {
            results = new OperatorFanOut(context).measure();
        } catch (RuntimeException e) {
            // It needs what the other measurements do not (20 loopback addresses, a mock API server):
            // a failure here must not cost the rest of the run.
            LOG.error("The operator fan-out could not be measured", e);
            return new PhaseResult(List.of(row("p99", "failed, see details", Verdict.NOT_MEASURED)),
                    new BenchmarkReport.Section(TITLE, List.of("The measurement failed: `" + oneLine(e) + "`"
                            + " (the harness's log has the stack trace).")));
        }
        List<Double> confirmed = seconds(results.samples().stream().map(FanOutSample::allConfirmed).toList());
        List<ResultRow> rows;
        if (confirmed.isEmpty()) {
            rows = List.of(row("p99", "no switch confirmed", Verdict.MISSED));
        } else {
            double p99 = Stats.percentile(confirmed, 0.99);
            boolean everyOneConfirmed = confirmed.size() == results.settings().switches();
            rows = List.of(
                    info("p50", Cells.seconds(Stats.percentile(confirmed, 0.50))),
                    row("p99", Cells.seconds(p99), Verdict.of(everyOneConfirmed && p99 <= target())),
                    info("max", Cells.seconds(Stats.max(confirmed))));
        }
        return new PhaseResult(rows, new BenchmarkReport.Section(TITLE, details(results)));
    }

    private static List<String> details(FanOutResults results) {
        OperatorFanOut.Settings settings = results.settings();
        SwitchPolicy policy = results.switchPolicy();
        List<String> ips = results.podIps();
        List<String> lines = new ArrayList<>(List.of(
                "The shipped operator (`KafkaFailoverOperator`, with the settings an empty environment gives it: each call"
                        + " to a pod bounded by " + Cells.seconds(policy.requestTimeout().toMillis() / 1000.0) + ", up to "
                        + policy.maxAttempts() + " attempts) runs in the harness's JVM against fabric8's mock API server in"
                        + " CRUD mode with the CRD from `crds/` loaded: the only stand-in of the whole harness, as there is no"
                        + " Kubernetes here. The mock server has no kubelet, so the harness creates the " + results.gateways()
                        + " gateway Pods itself, Ready, with `status.podIP` " + ips.get(0) + " to " + ips.get(ips.size() - 1) + ".",
                "On each of those addresses a real gateway listens on the same ports (Kafka " + results.portStart() + " to "
                        + (results.portStart() + GatewayFleet.PORT_COUNT) + ", admin API " + results.adminPort() + "), in front of"
                        + " both real clusters; the " + results.gateways() + " share one JVM (" + String.join(" ", GatewayFleet.JVM_OPTIONS)
                        + "). The operator calls each pod on its pod IP, as in a cluster.",
                "Each of " + settings.switches() + " switches patches `spec.active` (a JSON merge patch, as `kubectl patch --type merge`"
                        + " sends), main → failover → main ...; after `status.activeCluster` followed and "
                        + settings.settle().toMillis() + " ms more, the next patch follows. A sample is the time from the patch"
                        + " call's return until every gateway has answered `GET /admin/pclusters/v1/pcluster/main` with the new"
                        + " cluster. The gateways are polled every " + ConvergenceWatch.POLL_INTERVAL.toMillis() + " ms (one not yet"
                        + " switched is asked again, one switched is not), so a sample may be up to one poll round late.",
                "First and last switched: the earliest and latest `switchedAt` the gateways themselves report (the same"
                        + " clock as the harness's), from the patch's return: when the operator's first and last switch call"
                        + " took effect. Status: when `status.activeCluster` was first seen naming the new cluster (polled"
                        + " the same way); the operator writes it once every ready pod has confirmed.",
                "",
                "| Switch | to | first gateway switched | last gateway switched | all " + results.gateways()
                        + " confirmed | status.activeCluster followed |",
                "|---:|---|---:|---:|---:|---:|"));
        for (FanOutSample sample : results.samples()) {
            lines.add("| " + sample.number() + " | " + sample.target() + " | " + cell(sample.firstSwitched()) + " | "
                    + cell(sample.lastSwitched()) + " | "
                    + sample.allConfirmed().map(FanOutPhase::seconds)
                    .orElse("not within " + settings.timeout().toSeconds() + " s (" + sample.confirmed() + " of " + results.gateways() + ")")
                    + " | " + cell(sample.statusFollowed()) + " |");
        }
        List<Double> status = seconds(results.samples().stream().map(FanOutSample::statusFollowed).toList());
        lines.add("");
        if (!status.isEmpty()) {
            lines.add("- `status.activeCluster` followed: p50 " + Cells.seconds(Stats.percentile(status, 0.5)) + ", max "
                    + Cells.seconds(Stats.max(status)));
        }
        long incomplete = results.samples().stream().filter(sample -> !sample.complete()).count();
        lines.add("- switches not confirmed by every gateway and the status within " + settings.timeout().toSeconds()
                + " s: " + incomplete + (incomplete > 0 ? " (the measurement stopped there)" : ""));
        return lines;
    }

    private static List<Double> seconds(List<Optional<Duration>> times) {
        return times.stream().flatMap(Optional::stream).map(time -> time.toNanos() / 1e9).toList();
    }

    private static String cell(Optional<Duration> time) {
        return time.map(FanOutPhase::seconds).orElse("—");
    }

    private static String seconds(Duration time) {
        return Cells.seconds(time.toNanos() / 1e9);
    }

    private static double target() {
        return OperatorFanOut.TARGET.toMillis() / 1000.0;
    }

    private static ResultRow row(String statistic, String value, Verdict verdict) {
        return new ResultRow(LABEL + statistic, ResultRow.NONE, value, ResultRow.NONE, "≤ " + Cells.seconds(target())
                + " for " + OperatorFanOut.GATEWAYS, verdict);
    }

    private static ResultRow info(String statistic, String value) {
        return new ResultRow(LABEL + statistic, ResultRow.NONE, value, ResultRow.NONE, ResultRow.NONE, Verdict.INFO);
    }

    private static String oneLine(Throwable e) {
        String text = String.valueOf(e).replaceAll("\\s+", " ").replace('`', '\'');
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR) + "...";
    }
}
