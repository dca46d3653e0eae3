package io.kafkafailover.bench.process;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Places itself as the harness does with {@code --broker-cpus <arg0> --gateway-cpus <arg1>} ({@code -}:
 * that option left out), then prints the CPUs it may use, those of a child it starts plainly and those
 * of children started with the brokers' and the gateway's launchers: each child prints its own process
 * status, whose {@code Cpus_allowed_list} says which.
 */
public final class PlacedProcessMain {
    private static final List<String> READ_OWN_CPUS = List.of("cat", "/proc/self/status");

    private PlacedProcessMain() {
    }

    public static void main(String[] args) {
        CpuPlacement placement = CpuPlacement.of(option(args[0]), option(args[1]),
                CpuPlacement.allowedCpus(ProcessHandle.current().pid()));
        placement.placeThisProcess();
        System.out.println("self " + CpuPlacement.format(CpuPlacement.allowedCpus(ProcessHandle.current().pid())));
        System.out.println("child " + ownCpus(List.of()));
        System.out.println("brokers " + ownCpus(placement.brokerLauncher()));
        System.out.println("gateway " + ownCpus(placement.gatewayLauncher()));
    }

    private static String option(String arg) {
        return arg.equals("-") ? null : arg;
    }

    private static String ownCpus(List<String> launcher) {
        List<String> command = Stream.concat(launcher.stream(), READ_OWN_CPUS.stream()).toList();
        String status = Commands.run(command, Duration.ofSeconds(10), "cat");
        return CpuPlacement.format(CpuPlacement.allowedCpus(status.lines().toList()));
    }
}
