package io.kafkafailover.bench.report;

/**
 * One line of the results table. Cells are already formatted; "—" where a column does not apply.
 *
 * @param comparison through-gateway against direct: a ratio, or the latency the gateway adds
 */
public record ResultRow(String measurement, String direct, String gateway, String comparison, String target,
                        Verdict verdict) {
    public static final String NONE = "—";
}
