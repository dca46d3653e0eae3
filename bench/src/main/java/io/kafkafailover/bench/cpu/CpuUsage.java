package io.kafkafailover.bench.cpu;

/**
 * The gateway's CPU time during one through-gateway throughput run (see {@link RunCpuMeter}).
 *
 * @param cpuSeconds   user and system CPU time the gateway used from the load generator's start to its exit
 * @param systemSeconds the part of it spent in the kernel: system calls and the loopback network stack
 * @param runSeconds   the run's duration as the load generator measured it, which leaves out its JVM's
 *                     start-up and shutdown, when the gateway has nothing to do for it
 * @param payloadBytes record bytes moved through the gateway (what the throughput figures count)
 */
public record CpuUsage(String run, double cpuSeconds, double systemSeconds, double runSeconds, long payloadBytes) {
    private static final double GIB = 1024.0 * 1024.0 * 1024.0;

    public double cpuSecondsPerGib() {
        return cpuSeconds / (payloadBytes / GIB);
    }

    /** Mean share of one core over the run, in percent: 100 is one core busy all the time. */
    public double percentOfOneCore() {
        return 100 * cpuSeconds / runSeconds;
    }

    public double payloadMib() {
        return payloadBytes / (1024.0 * 1024.0);
    }
}
