package io.kafkafailover.bench.report;

import java.util.Collection;
import java.util.List;

/** The few statistics the report uses. */
public final class Stats {

    private Stats() {
    }

    public static double median(Collection<Double> values) {
        List<Double> sorted = sorted(values);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Nearest-rank percentile: the smallest value with at least {@code quantile} of all values at or below it. */
    public static double percentile(Collection<Double> values, double quantile) {
        List<Double> sorted = sorted(values);
        int rank = (int) Math.ceil(quantile * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    public static double max(Collection<Double> values) {
        return sorted(values).get(values.size() - 1);
    }

    private static List<Double> sorted(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        return values.stream().sorted().toList();
    }
}
