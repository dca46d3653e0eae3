package io.kafkafailover.bench;

import io.kafkafailover.bench.process.BenchPaths;
import io.kafkafailover.bench.process.CpuPlacement;
import io.kafkafailover.bench.report.BenchmarkReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * The whole harness at tiny sizes, against real brokers and the real gateway in their own JVMs, so
 * that the build notices when it stops working. Its numbers are not judged, only their presence
 * and the report's arithmetic.
 */
class BenchmarkSmokeTest {
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    /** Patterns of whole measurement labels. */
    private static final List<String> LATENCY = List.of(
            "Produce latency at .*half the direct peak.* p50", "Produce latency at .*half the direct peak.* p99",
            "Produce latency at .*half the direct peak.* p99\\.9",
            "Produce latency at .*a quarter of the direct peak.* p50",
            "Produce latency at .*a quarter of the direct peak.* p99",
            "Produce latency at .*a quarter of the direct peak.* p99\\.9");
    private static final List<String> COMPARED = Stream.concat(
            Stream.of("Producer throughput .*", "Consumer throughput .*"), LATENCY.stream()).toList();
    private static final List<String> GATEWAY_ONLY = List.of("Switch time, .* p50", "Switch time, .* p99",
            "Switch time, .* max", "Gateway RSS after start-up.*", "Gateway RSS with .* idle client connections",
            "Gateway heap in use with .* idle client connections", "Gateway RSS, peak under the producer load",
            "Gateway heap in use, peak under the producer load", "Operator fan-out: .* p50", "Operator fan-out: .* p99",
            "Operator fan-out: .* max");
    private static final List<String> GATEWAY_CPU = List.of(
            "Gateway CPU time per GiB produced .*", "Gateway CPU load during the through-gateway producer runs.*",
            "Gateway CPU time per GiB consumed .*", "Gateway CPU load during the through-gateway consumer runs.*");

    private static final Pattern INTERVAL = Pattern.compile("(-?[\\d.]+)(?: ms)? to (-?[\\d.]+)(?: ms)?");

    private static BenchSettings settings;
    private static BenchmarkReport report;
    private static String markdown;
    private static List<List<String>> table;

    @BeforeAll
    static void runTheHarness() throws Exception {
        settings = BenchSettings.smoke();
        BenchPaths paths = BenchPaths.locate();
        report = Benchmark.run(settings, paths);
        markdown = BenchmarkMain.document(report, settings);
        Files.writeString(paths.resultsFile("benchmark-results-smoke.md"), markdown, StandardCharsets.UTF_8);
        table = resultsTable(markdown);
    }

    @Test
    void everyComparisonHasBothSidesAndTheirComparison() {
        for (String label : COMPARED) {
            List<String> row = row(label);
            assertThat(number(row.get(1))).as("%s direct", label).isPositive();
            assertThat(number(row.get(2))).as("%s through the gateway", label).isPositive();
            assertThat(row.get(3)).as("%s comparison", label).containsPattern(NUMBER);
        }
    }

    @Test
    void theReportSaysHowToReproduceItAndWhichGatewaySettingsItUsed() {
        assertThat(markdown).contains("Produced by `./run-benchmarks --smoke`")
                .contains("settings beyond the defaults: none");
        assertThat(BenchmarkMain.document(report, settings.withRounds(4), Map.of("GATEWAY_ZERO_COPY", "false"),
                CpuPlacement.of("0", null, new TreeSet<>(Set.of(0, 1)))))
                .contains("Produced by `./run-benchmarks --smoke --rounds 4 --gateway-env GATEWAY_ZERO_COPY=false"
                        + " --broker-cpus 0`");
    }

    @Test
    void throughputRatiosAreGatewayOverDirect() {
        for (String label : List.of("Producer throughput .*", "Consumer throughput .*")) {
            List<String> row = row(label);
            assertThat(number(row.get(3))).as(label)
                    .isCloseTo(number(row.get(2)) / number(row.get(1)), offset(0.01));
        }
    }

    @Test
    void latencyComparisonIsTheLatencyTheGatewayAdds() {
        for (String label : LATENCY) {
            List<String> row = row(label);
            assertThat(number(row.get(3))).as(label).isCloseTo(number(row.get(2)) - number(row.get(1)), offset(0.02));
        }
    }

    @Test
    void latencyIsMeasuredAtHalfTheDirectPeakAndAtAQuarterOfItWithTheTargetOnlyAtHalf() {
        List<String> half = row(LATENCY.get(1));
        List<String> quarter = row(LATENCY.get(4));
        assertThat(number(quarter.get(0))).as("the quarter's rate, both sides together")
                .isCloseTo(number(half.get(0)) / 2, offset(2.0));
        assertThat(half.get(5)).isEqualTo("≤ +1 ms added");
        assertThat(quarter.get(5)).isEqualTo("—");
        assertThat(quarter.get(6)).isEmpty();
        assertThat(markdown).contains("At half the direct peak: each side at ", "At a quarter of the direct peak: each side at ");
    }

    @Test
    void comparisonsWithRoundsGiveTheRangeOfResampledRounds() {
        for (String label : COMPARED) {
            String interval = row(label).get(4);
            if (settings.rounds() == 1) {
                assertThat(interval).as(label).isEqualTo("one round only");
                continue;
            }
            Matcher ends = INTERVAL.matcher(interval.replace("+", ""));
            assertThat(ends.matches()).as("%s interval '%s'", label, interval).isTrue();
            assertThat(Double.parseDouble(ends.group(1))).as(label)
                    .isLessThanOrEqualTo(Double.parseDouble(ends.group(2)));
        }
        assertThat(row("Switch time, .* p99").get(4)).isEqualTo("—");
        assertThat(markdown).containsPattern("CPU pressure round by round \\(.*\\): (\\d+ %|n/a)\\.");
        assertThat(markdown).contains("90 % of resampled rounds: the comparison recomputed from 2,000 draws");
    }

    @Test
    void gatewayOnlyMeasurementsHaveNumbers() {
        for (String label : GATEWAY_ONLY) {
            List<String> row = row(label);
            assertThat(row.get(1)).as("%s direct", label).isEqualTo("—");
            assertThat(number(row.get(2))).as("%s", label).isPositive();
        }
        assertThat(row("Switch time, .* p50").get(2)).endsWith(" s");
        assertThat(row("Gateway RSS with .* idle client connections").get(2)).endsWith(" MiB");
    }

    @Test
    void switchesWereConfirmedByReadingBothClustersBack() {
        Matcher samples = Pattern.compile("samples: (\\d+) of (\\d+) switch × producer pairs").matcher(markdown);
        assertThat(samples.find()).isTrue();
        assertThat(Integer.parseInt(samples.group(1))).isPositive();
        Matcher readBack = Pattern.compile("topics were read back \\((\\d+) records\\)").matcher(markdown);
        assertThat(readBack.find()).isTrue();
        assertThat(Integer.parseInt(readBack.group(1))).isPositive();
    }

    @Test
    void operatorFanOutWasMeasuredOnTwentyRealGateways() {
        List<String> p99 = row("Operator fan-out: spec\\.active patch to all 20 gateways confirmed, p99");
        assertThat(p99.get(2)).endsWith(" s");
        assertThat(p99.get(5)).isEqualTo("≤ 3.00 s for 20");
        assertThat(p99.get(6)).isIn("yes", "**no**");
        // Every switch of the smoke run was confirmed by all twenty gateways, and the status followed.
        Matcher switches = Pattern.compile("\\| (\\d+) \\| (main|failover) \\| [\\d.]+ s \\| [\\d.]+ s \\| [\\d.]+ s \\| [\\d.]+ s \\|")
                .matcher(markdown);
        int confirmed = 0;
        while (switches.find()) {
            confirmed++;
        }
        assertThat(confirmed).isEqualTo(BenchSettings.smoke().fanOut().switches());
        assertThat(markdown).contains("switches not confirmed by every gateway and the status within "
                + BenchSettings.smoke().fanOut().timeout().toSeconds() + " s: 0");
    }

    @Test
    void gatewayCpuPerThroughputIsReported() {
        for (String label : GATEWAY_CPU) {
            List<String> row = row(label);
            assertThat(row.get(1)).as("%s direct", label).isEqualTo("—");
            assertThat(number(row.get(2))).as("%s", label).isNotNegative();
        }
        assertThat(row("Gateway CPU time per GiB produced .*").get(2)).endsWith(" CPU-s/GiB");
        assertThat(row("Gateway CPU load during the through-gateway consumer runs.*").get(2)).endsWith(" % of one core");
        assertThat(markdown).contains("### Gateway CPU", "| produce-r1-gateway | ", "| consume-r1-gateway | ");
    }

    @Test
    void machineCpuPerThroughputIsReportedForBothSides() {
        for (String moved : List.of("produced", "consumed")) {
            List<String> row = row("Machine CPU time per GiB " + moved + " .*");
            double direct = number(row.get(1));
            double gateway = number(row.get(2));
            assertThat(direct).as("%s direct", moved).isPositive();
            assertThat(gateway).as("%s gateway", moved).isPositive();
            assertThat(number(row.get(3))).as("%s ratio", moved).isCloseTo(gateway / direct, offset(0.01));
        }
        for (String runs : List.of("producer", "consumer")) {
            List<String> allows = row("Gateway vs direct that the machine's CPU allows \\(" + runs + " runs\\).*");
            double directCoreTime = number(allows.get(1));
            assertThat(directCoreTime).as("%s direct core time", runs).isPositive();
            assertThat(number(allows.get(3))).as("%s allowed", runs)
                    .isCloseTo(directCoreTime / number(allows.get(2)), offset(0.01));
        }
        assertThat(markdown).contains("### Machine CPU", "| produce-r1-direct | ", "| consume-r1-gateway | ");
    }

    @Test
    void reportDescribesTheMachineAndItsLoad() {
        assertThat(markdown).contains("### Machine", "| Cores available | ", "| Kafka | 4.3.1 |");
        assertThat(markdown).containsPattern("\\| Load average at start \\(1, 5, 15 min\\) \\| [\\d.]+, [\\d.]+, [\\d.]+ \\|");
        assertThat(markdown).contains("Produced by `./run-benchmarks --smoke`");
    }

    private static List<String> row(String labelPattern) {
        Pattern label = Pattern.compile(labelPattern);
        Optional<List<String>> row = table.stream().filter(cells -> label.matcher(cells.get(0)).matches()).findFirst();
        assertThat(row).as("a results row for '%s' in:%n%s", labelPattern, markdown).isPresent();
        return row.get();
    }

    private static double number(String cell) {
        Matcher matcher = NUMBER.matcher(cell.replace(",", ""));
        assertThat(matcher.find()).as("a number in '%s'", cell).isTrue();
        return Double.parseDouble(matcher.group());
    }

    /** The results table's rows, cells stripped, header and separator left out. */
    private static List<List<String>> resultsTable(String markdown) {
        String results = markdown.substring(markdown.indexOf("| Measurement |"), markdown.indexOf("### Machine"));
        return results.lines()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| Measurement |"))
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::strip).toList())
                .toList();
    }
}
