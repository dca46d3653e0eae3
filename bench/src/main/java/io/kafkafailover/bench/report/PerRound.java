package io.kafkafailover.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Collectors;

/**
 * The through-gateway/direct ratio of each round's pair of runs. For throughput the results table
 * compares the two sides' medians; the ratios round by round show how far a single pair strays
 * from that, which is what tells a verdict that holds from one that the machine's noise decided.
 * For latency the table compares percentiles over all rounds' records; the rounds' differences show
 * how far a single round strays from that.
 */
public final class PerRound {
    private static final String AGAINST_THE_TABLE = "; the results table compares the medians of each side's runs.";

    private PerRound() {
    }

    /** @param direct, gateway one value per round, in round order */
    public static List<Double> ratios(List<Double> direct, List<Double> gateway) {
        return pairwise(direct, gateway, (directValue, gatewayValue) -> gatewayValue / directValue);
    }

    /** Latencies in microseconds: what the gateway added in each round, in milliseconds. */
    public static String addedLine(String what, List<Double> directMicros, List<Double> gatewayMicros) {
        List<Double> added = differences(directMicros, gatewayMicros);
        return "Added " + what + " round by round: " + added.stream().map(micros -> Cells.addedMillis(micros, 0))
                .collect(Collectors.joining(", ")) + " (median " + Cells.addedMillis(Stats.median(added), 0)
                + "); the results table compares percentiles over all rounds' records together.";
    }

    private static List<Double> differences(List<Double> direct, List<Double> gateway) {
        return pairwise(direct, gateway, (directValue, gatewayValue) -> gatewayValue - directValue);
    }

    public static String line(List<Double> direct, List<Double> gateway) {
        List<Double> ratios = ratios(direct, gateway);
        return "Gateway/direct round by round: " + ratios.stream().map(ratio -> Cells.decimal(ratio, 3))
                .collect(Collectors.joining(", ")) + " (median " + Cells.decimal(Stats.median(ratios), 3) + ")"
                + AGAINST_THE_TABLE;
    }

    /** Both sides must have run the same rounds: a comparison pairs them round by round. */
    static void requireSameRounds(List<Double> direct, List<Double> gateway) {
        if (direct.size() != gateway.size()) {
            throw new IllegalArgumentException(direct.size() + " direct runs but " + gateway.size() + " through the gateway");
        }
    }

    private static List<Double> pairwise(List<Double> direct, List<Double> gateway, DoubleBinaryOperator compare) {
        requireSameRounds(direct, gateway);
        List<Double> compared = new ArrayList<>();
        for (int round = 0; round < direct.size(); round++) {
            compared.add(compare.applyAsDouble(direct.get(round), gateway.get(round)));
        }
        return compared;
    }
}
