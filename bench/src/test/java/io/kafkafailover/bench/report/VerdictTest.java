package io.kafkafailover.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {
    private static final double TARGET_RATIO = 0.97;

    @Test
    void metOnlyWhereTheComparisonAndItsWholeIntervalMeetTheTarget() {
        assertThat(ofRatio(1.012, 0.992, 1.046)).isEqualTo(Verdict.MET);
    }

    @Test
    void anIntervalAcrossTheTargetIsNotSettledWhicheverSideTheComparisonIsOn() {
        assertThat(ofRatio(1.005, 0.958, 1.049)).isEqualTo(Verdict.UNSETTLED);
        assertThat(ofRatio(0.949, 0.900, 0.990)).isEqualTo(Verdict.UNSETTLED);
    }

    @Test
    void missedWhereNoneMeetsIt() {
        assertThat(ofRatio(0.821, 0.796, 0.924)).isEqualTo(Verdict.MISSED);
    }

    @Test
    void addedLatencyAcrossTheMillisecondIsNotSettled() {
        // run 27 at half the peak: both sides' p99 over a second, the gateway's "−17 ms" one draw of the machine
        assertThat(Verdict.over(-17_410, new RoundBootstrap.Interval(-54_270, 159_230, 5), micros -> micros <= 1_000))
                .isEqualTo(Verdict.UNSETTLED);
    }

    @Test
    void oneRoundIsJudgedByItsValue() {
        assertThat(Verdict.over(0.98, RoundBootstrap.interval(1, drawn -> 0.98), ratio -> ratio >= TARGET_RATIO))
                .isEqualTo(Verdict.MET);
        assertThat(Verdict.over(0.90, RoundBootstrap.interval(1, drawn -> 0.90), ratio -> ratio >= TARGET_RATIO))
                .isEqualTo(Verdict.MISSED);
    }

    /** The verdict on a throughput ratio against the producer's target, from seven rounds. */
    private static Verdict ofRatio(double ratio, double low, double high) {
        return Verdict.over(ratio, new RoundBootstrap.Interval(low, high, 7), r -> r >= TARGET_RATIO);
    }
}
