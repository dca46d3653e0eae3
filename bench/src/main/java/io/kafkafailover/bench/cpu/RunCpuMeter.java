package io.kafkafailover.bench.cpu;

import io.kafkafailover.bench.Side;

import java.time.Duration;

/**
 * The CPU time of one throughput run, either side: the whole machine's, the brokers' and the
 * gateway's, all read at the same two moments, when the load generator starts and when it exits.
 */
public final class RunCpuMeter {
    private final long brokersPid;
    private final long gatewayPid;
    private final MachineCpu.Times machineAtStart;
    private final ProcessCpu.Times brokersAtStart;
    private final ProcessCpu.Times gatewayAtStart;

    private RunCpuMeter(long brokersPid, long gatewayPid) {
        this.brokersPid = brokersPid;
        this.gatewayPid = gatewayPid;
        this.machineAtStart = MachineCpu.now();
        this.brokersAtStart = ProcessCpu.cpuTime(brokersPid);
        this.gatewayAtStart = ProcessCpu.cpuTime(gatewayPid);
    }

    public static RunCpuMeter start(long brokersPid, long gatewayPid) {
        return new RunCpuMeter(brokersPid, gatewayPid);
    }

    /**
     * @param runSeconds   how long the run took by the load generator's own measure, the basis of the
     *                     gateway's share of a core
     * @param payloadBytes the record bytes the run moved
     */
    public RunCpu stop(String run, Side side, double runSeconds, long payloadBytes) {
        MachineCpu.Times machine = MachineCpu.now().minus(machineAtStart);
        Duration brokers = ProcessCpu.cpuTime(brokersPid).minus(brokersAtStart).total();
        ProcessCpu.Times gateway = ProcessCpu.cpuTime(gatewayPid).minus(gatewayAtStart);
        return new RunCpu(
                new MachineCpuUsage(run, side, seconds(machine.busy()), seconds(machine.capacity()),
                        seconds(machine.stolen()), seconds(brokers), seconds(gateway.total()), payloadBytes),
                new CpuUsage(run, seconds(gateway.total()), seconds(gateway.system()), runSeconds, payloadBytes));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
