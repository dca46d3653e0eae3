package io.kafkafailover.bench.cpu;

import io.kafkafailover.bench.Side;
import io.kafkafailover.bench.report.BenchmarkReport;
import io.kafkafailover.bench.report.Cells;
import io.kafkafailover.bench.report.PhaseResult;
import io.kafkafailover.bench.report.ResultRow;
import io.kafkafailover.bench.report.Stats;
import io.kafkafailover.bench.report.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The whole machine's CPU time per GiB moved, both sides of every throughput run. Informational:
 * on a machine the load keeps busy, throughput is bound by CPU, and a side that needs more CPU per
 * GiB moves fewer GiB per second; this says how much of a throughput gap that accounts for.
 */
public final class MachineCpuReport {

    private MachineCpuReport() {
    }

    /** Either list may be empty when its measurement was left out of the run. */
    public static PhaseResult of(List<MachineCpuUsage> producerRuns, List<MachineCpuUsage> consumerRuns) {
        List<ResultRow> rows = new ArrayList<>();
        addRow(rows, "produced", "producer", producerRuns);
        addRow(rows, "consumed", "consumer", consumerRuns);
        List<String> lines = new ArrayList<>(List.of(
                "The machine's CPU time, all cores, from the first line of /proc/stat (user, nice, system, irq and softirq;"
                        + " time the hypervisor gave to others counts as not busy), between each throughput run's load"
                        + " generator start and its exit, both sides. Brokers and gateway: their JVMs' own CPU time over the"
                        + " same span (/proc/<pid>/stat); everything else is mostly the load generator, plus the harness and"
                        + " the system. Busy: the machine's CPU time over what its cores had in that span. Stolen: time"
                        + " the hypervisor ran other machines on these cores while this one had work (steal); where it"
                        + " is more than a few per cent, the host was busy and every process here ran slower.",
                "Per GiB: the machine's CPU time over the record bytes the run moved. Where the machine is nearly fully"
                        + " busy, a side that needs x % more CPU per GiB can move only about 1/(1 + x %) as many GiB per"
                        + " second.",
                "What the CPU allows (a row of the results table): the most the gateway side could move, as a share of"
                        + " what the direct side moved, if it kept every core busy at the CPU time per GiB it used. It is"
                        + " the direct runs' core time per GiB (run time × cores, busy or not) over the gateway runs' CPU"
                        + " time per GiB, medians of each. A measured ratio near it was bound by the machine's CPU; only"
                        + " less CPU per GiB through the gateway can pass it. Where processes are placed on cores of"
                        + " their own, the core that fills first sets a lower bound than this.",
                "",
                "| Run | machine busy | stolen | machine CPU-s | brokers | gateway | everything else | MiB moved | CPU-s per GiB |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|"));
        Stream.concat(producerRuns.stream(), consumerRuns.stream()).forEach(usage -> lines.add("| " + usage.run() + " | "
                + Cells.decimal(usage.busyPercent(), 0) + " % | " + Cells.decimal(usage.stolenPercent(), 1) + " % | "
                + Cells.decimal(usage.machineSeconds(), 2) + " | "
                + Cells.decimal(usage.brokersSeconds(), 2) + " | " + Cells.decimal(usage.gatewaySeconds(), 2) + " | "
                + Cells.decimal(usage.elseSeconds(), 2) + " | " + Cells.decimal(usage.payloadMib(), 1) + " | "
                + Cells.decimal(usage.machineSecondsPerGib(), 2) + " |"));
        return new PhaseResult(rows, new BenchmarkReport.Section("Machine CPU", lines));
    }

    private static void addRow(List<ResultRow> rows, String moved, String runs, List<MachineCpuUsage> usages) {
        if (usages.isEmpty()) {
            return;
        }
        double direct = median(usages, Side.DIRECT, MachineCpuUsage::machineSecondsPerGib);
        double gateway = median(usages, Side.GATEWAY, MachineCpuUsage::machineSecondsPerGib);
        rows.add(new ResultRow("Machine CPU time per GiB " + moved + " (all processes, " + runs + " runs), median CPU-s",
                Cells.decimal(direct, 2), Cells.decimal(gateway, 2), Cells.ratio(gateway, direct), ResultRow.NONE,
                Verdict.INFO));
        double directCoreTime = median(usages, Side.DIRECT, MachineCpuUsage::capacitySecondsPerGib);
        rows.add(new ResultRow("Gateway vs direct that the machine's CPU allows (" + runs + " runs): direct's core-s per"
                + " GiB (run time × cores), the gateway side's CPU-s per GiB, medians",
                Cells.decimal(directCoreTime, 2), Cells.decimal(gateway, 2), Cells.ratio(directCoreTime, gateway),
                ResultRow.NONE, Verdict.INFO));
    }

    private static double median(List<MachineCpuUsage> usages, Side side, ToDoubleFunction<MachineCpuUsage> perGib) {
        return Stats.median(usages.stream().filter(usage -> usage.side() == side)
                .map(usage -> perGib.applyAsDouble(usage)).toList());
    }
}
