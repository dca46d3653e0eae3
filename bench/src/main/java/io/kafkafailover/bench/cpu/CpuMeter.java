package io.kafkafailover.bench.cpu;

import java.time.Duration;

/** The CPU time one process uses while something else (a load generator's run) takes place. */
public final class CpuMeter {
    private final long pid;
    private final ProcessCpu.Times cpuAtStart;

    private CpuMeter(long pid, ProcessCpu.Times cpuAtStart) {
        this.pid = pid;
        this.cpuAtStart = cpuAtStart;
    }

    public static CpuMeter start(long pid) {
        return new CpuMeter(pid, ProcessCpu.cpuTime(pid));
    }

    /**
     * @param runSeconds   how long the run took by its own measure, the basis of the share of a core
     * @param payloadBytes the record bytes the run moved through the process
     */
    public CpuUsage stop(String run, double runSeconds, long payloadBytes) {
        ProcessCpu.Times used = ProcessCpu.cpuTime(pid).minus(cpuAtStart);
        return new CpuUsage(run, seconds(used.total()), seconds(used.system()), runSeconds, payloadBytes);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
