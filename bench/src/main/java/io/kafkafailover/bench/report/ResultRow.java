package io.kafkafailover.bench.report;

/**
 * One line of the results table. Cells are already formatted; "—" where a column does not apply.
 *
 * @param comparison through-gateway against direct: a ratio, or the latency the gateway adds
 * @param interval   where the comparison could have landed with other rounds of this run (see {@link RoundBootstrap})
 */
public record ResultRow(String measurement, String direct, String gateway, String comparison, String interval,
                        String target, Verdict verdict) {
    public static final String NONE = "—";

    /** A row without an interval: one side only, or not compared round by round. */
    public ResultRow(String measurement, String direct, String gateway, String comparison, String target,
                     Verdict verdict) {
        this(measurement, direct, gateway, comparison, NONE, target, verdict);
    }
}
