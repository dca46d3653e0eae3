package io.kafkafailover.bench.report;

/** Whether a measurement meets its target. */
public enum Verdict {
    MET("yes"),
    MISSED("**no**"),
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
}
