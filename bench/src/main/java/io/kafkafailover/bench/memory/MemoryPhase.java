package io.kafkafailover.bench.memory;

import io.kafkafailover.bench.BenchContext;
import io.kafkafailover.bench.Pause;
import io.kafkafailover.bench.report.BenchmarkReport;
import io.kafkafailover.bench.report.Cells;
import io.kafkafailover.bench.report.PhaseResult;
import io.kafkafailover.bench.report.ResultRow;
import io.kafkafailover.bench.report.Verdict;

import java.time.Duration;
import java.util.List;

/**
 * The gateway's memory: right after start-up, with many idle client connections, and at its peak
 * under the producer load (sampled by {@link io.kafkafailover.bench.throughput.ProducerPhase}).
 * RSS is what a container's memory limit counts; heap is the JVM's share of it.
 */
public final class MemoryPhase {
    public static final int TARGET_CONNECTIONS = 1_000;
    public static final double TARGET_RSS_MIB = 300;
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final BenchContext context;

    public MemoryPhase(BenchContext context) {
        this.context = context;
    }

    public PhaseResult run(MemorySample afterStart, MemorySample peakUnderLoad) {
        int count = context.settings().idleConnections();
        MemorySample idle;
        int stillOpen;
        try (IdleConnections connections = IdleConnections.open("127.0.0.1", context.gateway().bootstrapPort(), count)) {
            Pause.sleep(SETTLE);
            stillOpen = connections.stillOpen();
            idle = MemorySampler.now(context.gateway());
        }
        if (stillOpen != count) {
            throw new IllegalStateException("The gateway closed " + (count - stillOpen) + " of " + count + " idle connections");
        }
        boolean targetApplies = count >= TARGET_CONNECTIONS;
        String connections = String.format("%,d", count);
        List<ResultRow> rows = List.of(
                gatewayOnly("Gateway RSS after start-up, no client connections", Cells.mib(afterStart.rssMib()), "", Verdict.INFO),
                gatewayOnly("Gateway RSS with " + connections + " idle client connections", Cells.mib(idle.rssMib()),
                        "≤ " + Cells.mib(TARGET_RSS_MIB) + " at " + String.format("%,d", TARGET_CONNECTIONS),
                        targetApplies ? Verdict.of(idle.rssMib() <= TARGET_RSS_MIB) : Verdict.INFO),
                gatewayOnly("Gateway heap in use with " + connections + " idle client connections", Cells.mib(idle.heapUsedMib()), "", Verdict.INFO),
                gatewayOnly("Gateway RSS, peak under the producer load", Cells.mib(peakUnderLoad.rssMib()), "", Verdict.INFO),
                gatewayOnly("Gateway heap in use, peak under the producer load", Cells.mib(peakUnderLoad.heapUsedMib()), "", Verdict.INFO));
        List<String> lines = List.of(
                "RSS is read from /proc/<pid>/status (VmRSS) of the gateway's JVM; heap in use is the gateway's own"
                        + " `jvm_memory_used_bytes{area=\"heap\"}` metric, garbage not yet collected included.",
                "Each idle connection sent ApiVersions through the gateway (answered by a broker, so the gateway also"
                        + " holds the matching backend connection) and then stayed silent; all " + stillOpen
                        + " were still open when sampled, " + SETTLE.toSeconds() + " s later.",
                "Peak under load: sampled every 500 ms during the through-gateway runs of the producer throughput's"
                        + " settling rounds: the measured load, in unmeasured runs, so that the /metrics"
                        + " requests do not load the gateway in the measured ones.");
        return new PhaseResult(rows, new BenchmarkReport.Section("Gateway memory", lines));
    }

    private static ResultRow gatewayOnly(String label, String value, String target, Verdict verdict) {
        return new ResultRow(label, ResultRow.NONE, value, ResultRow.NONE, target.isEmpty() ? ResultRow.NONE : target, verdict);
    }
}
