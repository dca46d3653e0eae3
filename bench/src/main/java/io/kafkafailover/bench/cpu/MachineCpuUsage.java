package io.kafkafailover.bench.cpu;

import io.kafkafailover.bench.Side;

/**
 * Where the machine's CPU time went during one throughput run, either side: the brokers, the
 * gateway, and everything else (mostly the load generator; also the harness and the system).
 *
 * @param machineSeconds  CPU time the machine spent busy, all cores, from the load generator's start to its exit
 * @param capacitySeconds CPU time the cores had over that span, busy or not
 * @param stolenSeconds   the part of the capacity the hypervisor gave to other machines (steal)
 * @param payloadBytes    record bytes the run moved
 */
public record MachineCpuUsage(String run, Side side, double machineSeconds, double capacitySeconds,
                              double stolenSeconds, double brokersSeconds, double gatewaySeconds, long payloadBytes) {
    private static final double GIB = 1024.0 * 1024.0 * 1024.0;

    public double machineSecondsPerGib() {
        return machineSeconds / (payloadBytes / GIB);
    }

    /** The cores' time per GiB, busy or not: how long the run took per GiB, times the cores. */
    public double capacitySecondsPerGib() {
        return capacitySeconds / (payloadBytes / GIB);
    }

    public double busyPercent() {
        return 100 * machineSeconds / capacitySeconds;
    }

    public double stolenPercent() {
        return 100 * stolenSeconds / capacitySeconds;
    }

    /** Never below zero: the machine's and the processes' clocks tick separately. */
    public double elseSeconds() {
        return Math.max(0, machineSeconds - brokersSeconds - gatewaySeconds);
    }

    public double payloadMib() {
        return payloadBytes / (1024.0 * 1024.0);
    }
}
