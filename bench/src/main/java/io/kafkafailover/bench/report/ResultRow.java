package io.kafkafailover.bench.report;

import java.util.List;

/**
 * One line of the results table. Cells are already formatted; "—" where a column does not apply.
 *
 * @param comparison through-gateway against direct: a ratio, or the latency the gateway adds
 * @param interval   where the comparison could have landed with other rounds of this run (see {@link RoundBootstrap})
 */
public record ResultRow(String measurement, String direct, String gateway, String comparison, String interval,
                        String target, Verdict verdict) {
    public static final String NONE = "—";

    /**
     * A throughput row: each side's median over its rounds, their ratio with its interval over
     * resampled rounds, and the verdict those support against a least ratio of gateway to direct.
     */
    public static ResultRow ratioOfMedians(String measurement, List<Double> direct, List<Double> gateway,
                                           double targetRatio) {
        double directMedian = Stats.median(direct);
        double gatewayMedian = Stats.median(gateway);
        RoundBootstrap.Interval interval = RoundBootstrap.ratioOfMedians(direct, gateway);
        return new ResultRow(measurement, Cells.decimal(directMedian, 2), Cells.decimal(gatewayMedian, 2),
                Cells.ratio(gatewayMedian, directMedian), RoundBootstrap.ratioCell(interval),
                "≥ " + targetRatio + " of direct",
                Verdict.over(gatewayMedian / directMedian, interval, ratio -> ratio >= targetRatio));
    }

    /** A row without an interval: one side only, or not compared round by round. */
    public ResultRow(String measurement, String direct, String gateway, String comparison, String target,
                     Verdict verdict) {
        this(measurement, direct, gateway, comparison, NONE, target, verdict);
    }
}
