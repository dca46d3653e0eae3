package io.kafkafailover.bench.fanout;

import io.kafkafailover.bench.report.BenchmarkReport;
import io.kafkafailover.bench.report.Cells;
import io.kafkafailover.bench.report.PhaseResult;
import io.kafkafailover.bench.report.ResultRow;
import io.kafkafailover.bench.report.Stats;
import io.kafkafailover.bench.report.Verdict;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reports {@link OperatorFanOut}, or says plainly that it is not measured yet. */
public final class FanOutPhase {
    private static final String LABEL = "Operator fan-out: spec.active patch to all " + OperatorFanOut.GATEWAYS
            + " gateways confirmed, p99";

    public PhaseResult run() {
        Optional<List<Duration>> times = new OperatorFanOut().measure();
        String target = "≤ " + Cells.seconds(OperatorFanOut.TARGET.toMillis() / 1000.0);
        if (times.isEmpty() || times.get().isEmpty()) {
            return new PhaseResult(
                    List.of(new ResultRow(LABEL, ResultRow.NONE, "not measured yet (TODO hook)", ResultRow.NONE, target,
                            Verdict.NOT_MEASURED)),
                    new BenchmarkReport.Section("Operator fan-out", List.of(
                            "Not measured yet: the operator is being written alongside this harness. The hook and the"
                                    + " plan for it are in `bench/src/main/java/io/kafkafailover/bench/fanout/OperatorFanOut.java`.")));
        }
        List<Double> seconds = times.get().stream().map(time -> time.toMillis() / 1000.0).toList();
        double p99 = Stats.percentile(seconds, 0.99);
        return new PhaseResult(
                List.of(new ResultRow(LABEL, ResultRow.NONE, Cells.seconds(p99), ResultRow.NONE, target,
                        Verdict.of(p99 <= OperatorFanOut.TARGET.toMillis() / 1000.0))),
                new BenchmarkReport.Section("Operator fan-out", List.of(
                        seconds.size() + " switches; p50 " + Cells.seconds(Stats.percentile(seconds, 0.5))
                                + ", max " + Cells.seconds(Stats.max(seconds)) + ".")));
    }
}
