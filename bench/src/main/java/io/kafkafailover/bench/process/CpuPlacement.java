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
 * Which CPUs the brokers run on, which the gateway does, and which everything else (the load
 * generators and the harness) does. By default nothing is placed and every process shares every
 * core, the gateway's CPU coming straight out of the brokers' and the clients'.
 *
 * <p>{@code --broker-cpus} gives the brokers cores of their own, as brokers have in production: the
 * clients and the gateway run on the rest, so that both sides' requests cross from the clients' cores
 * to the brokers' once, and the gateway's CPU comes out of the clients'. {@code --gateway-cpus} gives
 * the gateway cores of its own, as where its pods run on other nodes; with it alone the brokers and
 * the clients share the rest. Either way the placement is the same for both sides.
 *
 * <p>Placement uses {@code taskset(1)}: the harness moves itself (every thread) to the other cores
 * before it starts anything, so the load generators inherit them, and the brokers' and each gateway's
 * JVM are started through {@code taskset -c}.
 *
 * @param brokers the brokers' CPUs; empty when they are not placed (they run with everything else)
 * @param gateway the gateway's CPUs; empty when it is not placed
 * @param others  everything else's CPUs; empty when nothing is placed
 */
public record CpuPlacement(SortedSet<Integer> brokers, SortedSet<Integer> gateway, SortedSet<Integer> others) {
    public static final CpuPlacement SHARED = new CpuPlacement(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());

    public CpuPlacement {
        brokers = Collections.unmodifiableSortedSet(new TreeSet<>(brokers));
        gateway = Collections.unmodifiableSortedSet(new TreeSet<>(gateway));
        others = Collections.unmodifiableSortedSet(new TreeSet<>(others));
    }

    /**
     * @param brokerCpus  a CPU list as {@code taskset -c} takes it, e.g. {@code 0} or {@code 0-1}; null: not placed
     * @param gatewayCpus the same for the gateway; null: not placed
     * @param allowed     the CPUs this process may run on; the others get what neither the brokers nor the gateway do
     */
    public static CpuPlacement of(String brokerCpus, String gatewayCpus, SortedSet<Integer> allowed) {
        SortedSet<Integer> brokers = brokerCpus == null ? new TreeSet<>() : within("--broker-cpus", brokerCpus, allowed);
        SortedSet<Integer> gateway = gatewayCpus == null ? new TreeSet<>() : within("--gateway-cpus", gatewayCpus, allowed);
        if (brokers.stream().anyMatch(gateway::contains)) {
            throw new IllegalArgumentException("--broker-cpus " + brokerCpus + " and --gateway-cpus " + gatewayCpus
                    + " overlap: each gets its CPUs alone");
        }
        SortedSet<Integer> others = new TreeSet<>(allowed);
        others.removeAll(brokers);
        others.removeAll(gateway);
        if (others.isEmpty()) {
            throw new IllegalArgumentException(options(brokers, gateway).strip() + " leaves no CPU for the load"
                    + " generators (this process may use " + format(allowed) + ")");
        }
        return brokers.isEmpty() && gateway.isEmpty() ? SHARED : new CpuPlacement(brokers, gateway, others);
    }

    private static SortedSet<Integer> within(String option, String list, SortedSet<Integer> allowed) {
        SortedSet<Integer> cpus = parse(list);
        if (!allowed.containsAll(cpus)) {
            throw new IllegalArgumentException(option + " " + list + ": this process may only use CPUs " + format(allowed));
        }
        return cpus;
    }

    public boolean placed() {
        return !others.isEmpty();
    }

    /** The command prefix that starts the brokers on their CPUs; none when they are not placed. */
    public List<String> brokerLauncher() {
        return launcher(brokers);
    }

    /** The command prefix that starts a gateway on its CPUs; none when it is not placed. */
    public List<String> gatewayLauncher() {
        return launcher(gateway);
    }

    private static List<String> launcher(SortedSet<Integer> cpus) {
        return cpus.isEmpty() ? List.of() : List.of("taskset", "-c", format(cpus));
    }

    /** Moves every thread of this JVM to the other CPUs; the processes it starts from now on inherit them. */
    public void placeThisProcess() {
        if (!placed()) {
            return;
        }
        String pid = String.valueOf(ProcessHandle.current().pid());
        Commands.run(List.of("taskset", "-a", "-p", "-c", format(others), pid), Duration.ofSeconds(10),
                "CPU placement (--broker-cpus, --gateway-cpus) needs taskset (util-linux)");
    }

    /** The options that ask for this placement, each with a leading space; empty when nothing is placed. */
    public String commandLineOptions() {
        return options(brokers, gateway);
    }

    private static String options(SortedSet<Integer> brokers, SortedSet<Integer> gateway) {
        return (brokers.isEmpty() ? "" : " --broker-cpus " + format(brokers))
                + (gateway.isEmpty() ? "" : " --gateway-cpus " + format(gateway));
    }

    /** What the report says about it. */
    public String describe() {
        if (!placed()) {
            return "none: the brokers, the load generators and the gateway share every core";
        }
        List<String> rest = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        if (brokers.isEmpty()) {
            rest.add("the brokers");
        } else {
            groups.add("the brokers on CPU " + format(brokers) + " alone");
        }
        if (gateway.isEmpty()) {
            rest.add("the gateway");
        } else {
            groups.add("the gateway on CPU " + format(gateway) + " alone");
        }
        rest.add("the load generators");
        groups.add(String.join(", ", rest) + " and the harness on CPU " + format(others));
        return String.join("; ", groups);
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
