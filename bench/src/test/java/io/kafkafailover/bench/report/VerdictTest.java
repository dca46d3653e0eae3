package io.kafkafailover.bench.report;

import org.junit.jupiter.api.Test;

import java.util.function.DoublePredicate;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {
    private static final DoublePredicate AT_LEAST_097 = ratio -> ratio >= 0.97;

    @Test
    void metOnlyWhereTheComparisonAndItsWholeIntervalMeetTheTarget() {
        assertThat(Verdict.over(1.012, new RoundBootstrap.Interval(0.992, 1.046, 7), AT_LEAST_097))
                .isEqualTo(Verdict.MET);
    }

    @Test
    void anIntervalAcrossTheTargetIsNotSettledWhicheverSideTheComparisonIsOn() {
        assertThat(Verdict.over(1.005, new RoundBootstrap.Interval(0.958, 1.049, 7), AT_LEAST_097))
                .isEqualTo(Verdict.UNSETTLED);
        assertThat(Verdict.over(0.949, new RoundBootstrap.Interval(0.900, 0.990, 7), AT_LEAST_097))
                .isEqualTo(Verdict.UNSETTLED);
    }

    @Test
    void missedWhereNoneMeetsIt() {
        assertThat(Verdict.over(0.821, new RoundBootstrap.Interval(0.796, 0.924, 7), AT_LEAST_097))
                .isEqualTo(Verdict.MISSED);
    }

    @Test
    void addedLatencyAcrossTheMillisecondIsNotSettled() {
        // run 27 at half the peak: both sides' p99 over a second, the gateway's "−17 ms" one draw of the machine
        assertThat(Verdict.over(-17_410, new RoundBootstrap.Interval(-54_270, 159_230, 5), micros -> micros <= 1_000))
                .isEqualTo(Verdict.UNSETTLED);
    }

    @Test
    void oneRoundIsJudgedByItsValue() {
        RoundBootstrap.Interval oneRound = RoundBootstrap.interval(1, drawn -> 0.98);
        assertThat(Verdict.over(0.98, oneRound, AT_LEAST_097)).isEqualTo(Verdict.MET);
        assertThat(Verdict.over(0.90, RoundBootstrap.interval(1, drawn -> 0.90), AT_LEAST_097))
                .isEqualTo(Verdict.MISSED);
    }
}
