package io.kafkafailover.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which CPUs the gateway runs on, and which everything else does. By default nothing is placed and
 * every process shares every core, the gateway's CPU coming straight out of the brokers' and the
 * clients'. With {@code --gateway-cpus} the gateway gets cores of its own, as in a deployment where
 * its pods run on other nodes than the brokers and the clients, and the brokers, the load
 * generators and the harness run on the rest, the same cores for both sides.
 *
 * <p>Placement uses {@code taskset(1)}: the harness moves itself (every thread) to the other cores
 * before it starts anything, so the brokers and the load generators inherit them, and each gateway
 * JVM is started through {@code taskset -c}.
 *
 * @param gateway the gateway's CPUs; empty when nothing is placed
 * @param others  everything else's CPUs; empty when nothing is placed
 */
public record CpuPlacement(SortedSet<Integer> gateway, SortedSet<Integer> others) {
    public static final CpuPlacement SHARED = new CpuPlacement(new TreeSet<>(), new TreeSet<>());

    public CpuPlacement {
        gateway = Collections.unmodifiableSortedSet(new TreeSet<>(gateway));
        others = Collections.unmodifiableSortedSet(new TreeSet<>(others));
    }

    /**
     * @param gatewayCpus a CPU list as {@code taskset -c} takes it, e.g. {@code 1} or {@code 2-3}
     * @param allowed     the CPUs this process may run on; the others get what the gateway does not
     */
    public static CpuPlacement gatewayOn(String gatewayCpus, SortedSet<Integer> allowed) {
        SortedSet<Integer> gateway = parse(gatewayCpus);
        if (!allowed.containsAll(gateway)) {
            throw new IllegalArgumentException("--gateway-cpus " + gatewayCpus + ": this process may only use CPUs "
                    + format(allowed));
        }
        SortedSet<Integer> others = new TreeSet<>(allowed);
        others.removeAll(gateway);
        if (others.isEmpty()) {
            throw new IllegalArgumentException("--gateway-cpus " + gatewayCpus + " leaves no CPU for the brokers and"
                    + " the load generators (this process may use " + format(allowed) + ")");
        }
        return new CpuPlacement(gateway, others);
    }

    public boolean placed() {
        return !gateway.isEmpty();
    }

    /** The command prefix that starts a gateway on its CPUs; none when nothing is placed. */
    public List<String> gatewayLauncher() {
        return placed() ? List.of("taskset", "-c", format(gateway)) : List.of();
    }

    /** Moves every thread of this JVM to the other CPUs; the processes it starts from now on inherit them. */
    public void placeThisProcess() {
        if (!placed()) {
            return;
        }
        String pid = String.valueOf(ProcessHandle.current().pid());
        Commands.run(List.of("taskset", "-a", "-p", "-c", format(others), pid), Duration.ofSeconds(10),
                "--gateway-cpus needs taskset (util-linux)");
    }

    /** What the report says about it. */
    public String describe() {
        return placed()
                ? "the gateway on CPU " + format(gateway) + " alone; the brokers, the load generators and the harness on"
                        + " CPU " + format(others)
                : "none: the brokers, the load generators and the gateway share every core";
    }

    /** The CPUs a process may run on, from {@code Cpus_allowed_list} in its {@code /proc/<pid>/status}. */
    public static SortedSet<Integer> allowedCpus(long pid) {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try {
            return allowedCpus(Files.readAllLines(status, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + status + ": CPU placement needs Linux", e);
        }
    }

    /** The CPUs named by the {@code Cpus_allowed_list} line of a {@code /proc/<pid>/status} text. */
    public static SortedSet<Integer> allowedCpus(List<String> statusLines) {
        return statusLines.stream()
                .filter(line -> line.startsWith("Cpus_allowed_list:"))
                .map(line -> parse(line.substring(line.indexOf(':') + 1).strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No Cpus_allowed_list in a process status"));
    }

    /** A CPU list in the kernel's and taskset's format: numbers and ranges, comma-separated ({@code 0-2,5}). */
    public static SortedSet<Integer> parse(String list) {
        SortedSet<Integer> cpus = new TreeSet<>();
        for (String part : list.split(",", -1)) {
            String[] bounds = part.strip().split("-", -1);
            try {
                int first = Integer.parseInt(bounds[0]);
                int last = bounds.length == 2 ? Integer.parseInt(bounds[1]) : first;
                if (bounds.length > 2 || first < 0 || last < first) {
                    throw new NumberFormatException();
                }
                for (int cpu = first; cpu <= last; cpu++) {
                    cpus.add(cpu);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a CPU list: '" + list + "' (expected e.g. 1 or 0-2,5)");
            }
        }
        return cpus;
    }

    /** The shortest list naming exactly {@code cpus}, consecutive ones as ranges. */
    public static String format(SortedSet<Integer> cpus) {
        List<String> parts = new ArrayList<>();
        List<Integer> sorted = new ArrayList<>(cpus);
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || sorted.get(i) != sorted.get(i - 1) + 1) {
                int first = sorted.get(start);
                int last = sorted.get(i - 1);
                parts.add(first == last ? String.valueOf(first) : first + "-" + last);
                start = i;
            }
        }
        return String.join(",", parts);
    }
}
