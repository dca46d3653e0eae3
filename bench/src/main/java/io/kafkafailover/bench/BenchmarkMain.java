package io.kafkafailover.bench;

import io.kafkafailover.bench.process.BenchPaths;
import io.kafkafailover.bench.process.CpuPlacement;
import io.kafkafailover.bench.report.BenchmarkReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code ./run-benchmarks [--quick | --smoke] [--profile] [--rounds N] [--only LIST] [--gateway-env K=V]
 * [--broker-cpus LIST] [--gateway-cpus LIST] [--output FILE]}: runs the benchmark and writes its Markdown
 * report (default {@code bench/target/benchmark-results.md}).
 */
public final class BenchmarkMain {
    static final String USAGE = """
            Usage: ./run-benchmarks [--quick | --smoke] [--profile] [--rounds N] [--only LIST] [--gateway-env K=V]...
                                    [--broker-cpus LIST] [--gateway-cpus LIST] [--output FILE]
              (default)   full run, about 25 minutes on two cores
              --quick     every measurement with fewer, shorter runs, a few minutes
              --smoke     tiny sizes: proves the harness works, the numbers mean little
              --profile   also record the gateway with JFR during one extra run and report its hot methods
              --rounds N  direct/gateway rounds per comparison (default: %d full, %d quick, %d smoke)
              --only LIST comma-separated subset of producer,consumer,latency,switch,fanout,memory
                          (consumer and latency without producer still run its direct calibration)
              --gateway-env GATEWAY_X=VALUE
                          a gateway setting for the gateway under test (repeatable), named in the report,
                          e.g. GATEWAY_ZERO_COPY=false to measure without zero-copy forwarding
              --broker-cpus LIST
                          the brokers on these CPUs alone (a taskset list, e.g. 0 or 0-1), as in production;
                          the load generators, the gateway and the harness on the others, for both sides
              --gateway-cpus LIST
                          the gateway on these CPUs alone, for both sides: what the gateway costs when its
                          CPU is taken from nobody; everything not placed runs on the remaining CPUs.
                          Default: every process shares every core
              --output F  where to write the Markdown report (default: bench/target/benchmark-results.md)
            """.formatted(BenchSettings.full().rounds(), BenchSettings.quick().rounds(), BenchSettings.smoke().rounds());

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws IOException {
        // The switch producers run in this JVM, and every switch makes each of them warn about the
        // connections the gateway closed: expected, counted in the report, and not worth a console page.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.producer.internals.Sender", "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", "error");
        BenchSettings settings = BenchSettings.full();
        boolean profile = false;
        Integer rounds = null;
        Set<String> only = Set.of();
        Path output = null;
        Map<String, String> gatewaySettings = new HashMap<>();
        String brokerCpus = null;
        String gatewayCpus = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> settings = BenchSettings.quick();
                case "--smoke" -> settings = BenchSettings.smoke();
                case "--profile" -> profile = true;
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                case "--only" -> only = Set.of(value(args, ++i).split(","));
                case "--gateway-env" -> {
                    String setting = value(args, ++i);
                    int equals = setting.indexOf('=');
                    if (!setting.startsWith("GATEWAY_") || equals < 0) {
                        System.err.print("--gateway-env takes GATEWAY_NAME=VALUE, got '" + setting + "'\n" + USAGE);
                        System.exit(2);
                    }
                    gatewaySettings.put(setting.substring(0, equals), setting.substring(equals + 1));
                }
                case "--broker-cpus" -> brokerCpus = value(args, ++i);
                case "--gateway-cpus" -> gatewayCpus = value(args, ++i);
                case "--output" -> output = Path.of(value(args, ++i));
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> {
                    System.err.print("Unknown option " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        CpuPlacement cpus = CpuPlacement.SHARED;
        if (brokerCpus != null || gatewayCpus != null) {
            try {
                cpus = CpuPlacement.of(brokerCpus, gatewayCpus, CpuPlacement.allowedCpus(ProcessHandle.current().pid()));
            } catch (IllegalArgumentException e) {
                System.err.print(e.getMessage() + "\n" + USAGE);
                System.exit(2);
            }
        }
        settings = settings.withProfile(profile).withOnly(only);
        if (rounds != null) {
            settings = settings.withRounds(rounds);
        }
        BenchPaths paths = BenchPaths.locate();
        Path file = output != null ? output : paths.resultsFile("benchmark-results.md");
        BenchmarkReport report = Benchmark.run(settings, paths, gatewaySettings, cpus);
        String markdown = document(report, settings, gatewaySettings, cpus);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Report written to " + file.toAbsolutePath());
        System.exit(0); // Kafka clients' leftover threads must not keep the JVM up
    }

    /** The whole report file: a title, how to reproduce it, then the report. */
    public static String document(BenchmarkReport report, BenchSettings settings) {
        return document(report, settings, Map.of(), CpuPlacement.SHARED);
    }

    public static String document(BenchmarkReport report, BenchSettings settings, Map<String, String> gatewaySettings,
                                  CpuPlacement cpus) {
        String command = "./run-benchmarks" + switch (settings.mode()) {
            case "quick" -> " --quick";
            case "smoke" -> " --smoke";
            default -> "";
        } + (settings.profile() ? " --profile" : "")
                + (settings.rounds() == defaultRounds(settings.mode()) ? "" : " --rounds " + settings.rounds())
                + (settings.only().isEmpty() ? "" : " --only " + String.join(",", new TreeSet<>(settings.only())))
                + Benchmark.describe(gatewaySettings).stream().map(setting -> " --gateway-env " + setting)
                        .collect(Collectors.joining())
                + cpus.commandLineOptions();
        return "# kafka-failover benchmark results\n\n"
                + "Produced by `" + command + "`. Numbers taken on a machine shared with other work are indicative:"
                + " see the load average under Machine.\n\n"
                + report.toMarkdown();
    }

    private static int defaultRounds(String mode) {
        return switch (mode) {
            case "quick" -> BenchSettings.quick().rounds();
            case "smoke" -> BenchSettings.smoke().rounds();
            default -> BenchSettings.full().rounds();
        };
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            System.err.print("Missing value for " + args[index - 1] + "\n" + USAGE);
            System.exit(2);
        }
        return args[index];
    }
}
