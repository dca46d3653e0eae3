package io.kafkafailover.bench.cpu;

import io.kafkafailover.bench.Side;

import java.time.Duration;

/** The machine's, the brokers' and the gateway's CPU time while one run takes place. */
public final class MachineCpuMeter {
    private final long brokersPid;
    private final long gatewayPid;
    private final MachineCpu.Times machineAtStart;
    private final ProcessCpu.Times brokersAtStart;
    private final ProcessCpu.Times gatewayAtStart;

    private MachineCpuMeter(long brokersPid, long gatewayPid) {
        this.brokersPid = brokersPid;
        this.gatewayPid = gatewayPid;
        this.machineAtStart = MachineCpu.now();
        this.brokersAtStart = ProcessCpu.cpuTime(brokersPid);
        this.gatewayAtStart = ProcessCpu.cpuTime(gatewayPid);
    }

    public static MachineCpuMeter start(long brokersPid, long gatewayPid) {
        return new MachineCpuMeter(brokersPid, gatewayPid);
    }

    public MachineCpuUsage stop(String run, Side side, long payloadBytes) {
        MachineCpu.Times machine = MachineCpu.now().minus(machineAtStart);
        Duration brokers = ProcessCpu.cpuTime(brokersPid).minus(brokersAtStart).total();
        Duration gateway = ProcessCpu.cpuTime(gatewayPid).minus(gatewayAtStart).total();
        return new MachineCpuUsage(run, side, seconds(machine.busy()), seconds(machine.capacity()),
                seconds(machine.stolen()), seconds(brokers), seconds(gateway), payloadBytes);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
