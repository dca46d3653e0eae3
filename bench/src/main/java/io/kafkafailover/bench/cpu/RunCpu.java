package io.kafkafailover.bench.cpu;

import io.kafkafailover.bench.Side;

import java.util.List;

/** What {@link RunCpuMeter} read for one run: the machine's split, and the gateway's own usage. */
public record RunCpu(MachineCpuUsage machine, CpuUsage gateway) {

    /**
     * Files this run's figures: the machine's for either side; the gateway's only for a run through
     * it, since on a direct run it has nothing to do.
     */
    public void addTo(List<MachineCpuUsage> machineRuns, List<CpuUsage> gatewayRuns) {
        machineRuns.add(machine);
        if (machine.side() == Side.GATEWAY) {
            gatewayRuns.add(gateway);
        }
    }
}
