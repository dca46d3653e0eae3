package io.kafkafailover.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * Places itself as the harness does with {@code --gateway-cpus <arg>}, then prints the CPUs it may
 * use, those of a child it starts plainly and those of a child started with the gateway's launcher:
 * each child reads its own {@code Cpus_allowed_list}.
 */
public final class PlacedProcessMain {
    private static final List<String> READ_OWN_CPUS = List.of("grep", "Cpus_allowed_list", "/proc/self/status");

    private PlacedProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        CpuPlacement placement = CpuPlacement.gatewayOn(args[0], CpuPlacement.allowedCpus(ProcessHandle.current().pid()));
        placement.placeThisProcess();
        System.out.println("self " + CpuPlacement.format(CpuPlacement.allowedCpus(ProcessHandle.current().pid())));
        System.out.println("child " + ownCpus(READ_OWN_CPUS));
        System.out.println("gateway " + ownCpus(Stream.concat(placement.gatewayLauncher().stream(), READ_OWN_CPUS.stream())
                .toList()));
    }

    private static String ownCpus(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String line = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return CpuPlacement.format(CpuPlacement.parse(line.substring(line.indexOf(':') + 1).strip()));
    }
}
