package io.kafkafailover.bench.cpu;

import io.kafkafailover.bench.report.BenchmarkReport;
import io.kafkafailover.bench.report.Cells;
import io.kafkafailover.bench.report.PhaseResult;
import io.kafkafailover.bench.report.ResultRow;
import io.kafkafailover.bench.report.Stats;
import io.kafkafailover.bench.report.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's CPU time per throughput moved through it, from the through-gateway producer and
 * consumer throughput runs. Informational: there is no target, but it says whether a throughput
 * gap is the gateway's work or its latency, and what a CPU limit for the pod must allow.
 */
public final class GatewayCpuReport {

    private GatewayCpuReport() {
    }

    /** Either list may be empty when its measurement was left out of the run. */
    public static PhaseResult of(List<CpuUsage> producerRuns, List<CpuUsage> consumerRuns) {
        List<ResultRow> rows = new ArrayList<>();
        addRows(rows, "produced", "producer", producerRuns);
        addRows(rows, "consumed", "consumer", consumerRuns);
        List<String> lines = new ArrayList<>(List.of(
                "The gateway JVM's CPU time, user plus system for all its threads (GC and JIT included), read from"
                        + " /proc/<pid>/stat (utime + stime) at " + ProcessCpu.TICKS.describe() + ", before each"
                        + " through-gateway throughput run's load generator starts and after it exits. \"Of it in the"
                        + " kernel\" is the system part (stime): system calls and, on loopback, the network stack's work"
                        + " for the gateway's sockets.",
                "Per GiB: that CPU time over the record bytes the run moved (records × record size). Share of one core:"
                        + " the same CPU time over the run's duration as the load generator measured it (producer: its"
                        + " whole run; consumer: group join plus fetching), 100 % being one core busy throughout. The"
                        + " CPU time also covers the gateway's work while the load generator connects. No"
                        + " memory sampler asks the gateway's /metrics during these runs: the peak memory"
                        + " is taken in the settling rounds.",
                "",
                "| Run | gateway CPU-s | of it in the kernel | run s | MiB moved | CPU-s per GiB | % of one core |",
                "|---|---:|---:|---:|---:|---:|---:|"));
        for (CpuUsage usage : concat(producerRuns, consumerRuns)) {
            lines.add("| " + usage.run() + " | " + Cells.decimal(usage.cpuSeconds(), 2) + " | "
                    + Cells.decimal(usage.systemSeconds(), 2) + " | "
                    + Cells.decimal(usage.runSeconds(), 2) + " | " + Cells.decimal(usage.payloadMib(), 1) + " | "
                    + Cells.decimal(usage.cpuSecondsPerGib(), 2) + " | " + Cells.decimal(usage.percentOfOneCore(), 1) + " |");
        }
        return new PhaseResult(rows, new BenchmarkReport.Section("Gateway CPU", lines));
    }

    private static void addRows(List<ResultRow> rows, String moved, String runs, List<CpuUsage> usages) {
        if (usages.isEmpty()) {
            return;
        }
        double perGib = Stats.median(usages.stream().map(CpuUsage::cpuSecondsPerGib).toList());
        double share = Stats.median(usages.stream().map(CpuUsage::percentOfOneCore).toList());
        rows.add(gatewayOnly("Gateway CPU time per GiB " + moved + " (through-gateway " + runs + " runs), median",
                Cells.decimal(perGib, 2) + " CPU-s/GiB"));
        rows.add(gatewayOnly("Gateway CPU load during the through-gateway " + runs + " runs, median",
                Cells.decimal(share, 1) + " % of one core"));
    }

    private static ResultRow gatewayOnly(String label, String value) {
        return new ResultRow(label, ResultRow.NONE, value, ResultRow.NONE, ResultRow.NONE, Verdict.INFO);
    }

    private static List<CpuUsage> concat(List<CpuUsage> first, List<CpuUsage> second) {
        List<CpuUsage> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
