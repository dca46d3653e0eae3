package io.kafkafailover.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * How far a comparison could have gone with other rounds of the same run: a percentile bootstrap
 * over rounds. Each resample draws as many rounds as were run, with replacement, keeping each
 * round's direct and through-gateway runs together (they ran next to each other), and recomputes
 * the comparison from them; the interval holds the middle {@link #COVERAGE} of those results.
 *
 * <p>It speaks only of the noise between rounds of this run on this machine, not of a machine that
 * differs. A fixed seed makes the same rounds give the same interval, so a report can be checked.
 */
public final class RoundBootstrap {
    public static final double COVERAGE = 0.90;
    public static final int RESAMPLES = 2_000;
    private static final long SEED = 6L;
    /** Resampling one round only ever gives that round back: no spread to show. */
    private static final String ONE_ROUND = "one round only";

    /** Low and high end of the interval, from resamples of this many rounds. */
    public record Interval(double low, double high, int rounds) {
    }

    private RoundBootstrap() {
    }

    /**
     * @param rounds    how many rounds were run
     * @param statistic the comparison, computed from the indexes of the rounds drawn (repeats included)
     */
    public static Interval interval(int rounds, ToDoubleFunction<int[]> statistic) {
        return intervals(rounds, drawn -> new double[] {statistic.applyAsDouble(drawn)}).get(0);
    }

    /**
     * Several comparisons from the same resamples, for when drawing the rounds' data together is
     * the dear part (pooling histograms, say) and each comparison is a cheap look at it.
     *
     * @param rounds     how many rounds were run
     * @param statistics the comparisons, always as many, computed from the indexes of the rounds drawn
     * @return one interval per comparison, in the order {@code statistics} returns them
     */
    public static List<Interval> intervals(int rounds, Function<int[], double[]> statistics) {
        if (rounds < 1) {
            throw new IllegalArgumentException("no rounds");
        }
        SplittableRandom random = new SplittableRandom(SEED);
        List<double[]> resamples = new ArrayList<>(RESAMPLES);
        int[] drawn = new int[rounds];
        for (int resample = 0; resample < RESAMPLES; resample++) {
            for (int i = 0; i < rounds; i++) {
                drawn[i] = random.nextInt(rounds);
            }
            resamples.add(statistics.apply(drawn));
        }
        double tail = (1 - COVERAGE) / 2;
        return IntStream.range(0, resamples.get(0).length).mapToObj(statistic -> {
            List<Double> values = resamples.stream().map(resample -> resample[statistic]).toList();
            return new Interval(Stats.percentile(values, tail), Stats.percentile(values, 1 - tail), rounds);
        }).toList();
    }

    /** The interval of the through-gateway/direct ratio of the two sides' medians. */
    public static Interval ratioOfMedians(List<Double> direct, List<Double> gateway) {
        PerRound.requireSameRounds(direct, gateway);
        return interval(direct.size(), drawn -> Stats.median(pick(gateway, drawn)) / Stats.median(pick(direct, drawn)));
    }

    private static List<Double> pick(List<Double> values, int[] drawn) {
        List<Double> picked = new ArrayList<>(drawn.length);
        for (int index : drawn) {
            picked.add(values.get(index));
        }
        return picked;
    }

    /** The table's cell for a ratio's interval. */
    public static String ratioCell(Interval interval) {
        return cell(interval, ratio -> Cells.decimal(ratio, 3));
    }

    /** The table's cell for an interval of added microseconds, in milliseconds. */
    public static String addedMillisCell(Interval interval) {
        return cell(interval, micros -> Cells.addedMillis(micros, 0));
    }

    private static String cell(Interval interval, DoubleFunction<String> end) {
        return interval.rounds() < 2 ? ONE_ROUND : end.apply(interval.low()) + " to " + end.apply(interval.high());
    }
}
