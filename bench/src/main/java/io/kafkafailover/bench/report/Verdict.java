package io.kafkafailover.bench.report;

import java.util.function.DoublePredicate;

/** Whether a measurement meets its target. */
public enum Verdict {
    MET("yes"),
    MISSED("**no**"),
    /** The run's rounds do not decide it: resampled, some meet the target and some miss it. */
    UNSETTLED("not settled"),
    /** No target: reported for context. */
    INFO(""),
    NOT_MEASURED("not measured");

    private final String cell;

    Verdict(String cell) {
        this.cell = cell;
    }

    public String cell() {
        return cell;
    }

    public static Verdict of(boolean met) {
        return met ? MET : MISSED;
    }

    /**
     * The verdict on a comparison that its rounds support: met where the comparison and its whole
     * interval over resampled rounds meet the target, missed where none of them does. A single
     * noisy round must not turn a comparison the machine cannot decide into a "yes"; with one
     * round only, the interval is the comparison itself and this is {@link #of}.
     */
    public static Verdict over(double comparison, RoundBootstrap.Interval interval, DoublePredicate meetsTarget) {
        boolean comparisonMeets = meetsTarget.test(comparison);
        boolean lowMeets = meetsTarget.test(interval.low());
        boolean highMeets = meetsTarget.test(interval.high());
        if (comparisonMeets && lowMeets && highMeets) {
            return MET;
        }
        return comparisonMeets || lowMeets || highMeets ? UNSETTLED : MISSED;
    }
}
