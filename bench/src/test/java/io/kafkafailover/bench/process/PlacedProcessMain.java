package io.kafkafailover.bench.process;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Places itself as the harness does with {@code --gateway-cpus <arg>}, then prints the CPUs it may
 * use, those of a child it starts plainly and those of a child started with the gateway's launcher:
 * each child prints its own process status, whose {@code Cpus_allowed_list} says which.
 */
public final class PlacedProcessMain {
    private static final List<String> READ_OWN_CPUS = List.of("cat", "/proc/self/status");

    private PlacedProcessMain() {
    }

    public static void main(String[] args) {
        CpuPlacement placement = CpuPlacement.gatewayOn(args[0], CpuPlacement.allowedCpus(ProcessHandle.current().pid()));
        placement.placeThisProcess();
        System.out.println("self " + CpuPlacement.format(CpuPlacement.allowedCpus(ProcessHandle.current().pid())));
        System.out.println("child " + ownCpus(READ_OWN_CPUS));
        System.out.println("gateway " + ownCpus(Stream.concat(placement.gatewayLauncher().stream(), READ_OWN_CPUS.stream())
                .toList()));
    }

    private static String ownCpus(List<String> command) {
        String status = Commands.run(command, Duration.ofSeconds(10), "cat");
        return CpuPlacement.format(CpuPlacement.allowedCpus(status.lines().toList()));
    }
}
