package io.kafkafailover.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerRoundTest {

    @Test
    void eachRoundsGatewayRunIsDividedByThatRoundsDirectRun() {
        assertThat(PerRound.ratios(List.of(10.0, 20.0, 40.0), List.of(9.0, 22.0, 30.0))).containsExactly(0.9, 1.1, 0.75);
    }

    @Test
    void lineNamesEveryRoundAndTheirMedian() {
        assertThat(PerRound.line(List.of(10.0, 20.0, 40.0), List.of(9.0, 22.0, 30.0)))
                .startsWith("Gateway/direct round by round: 0.900, 1.100, 0.750 (median 0.900)");
    }

    @Test
    void addedLatencyIsEachRoundsGatewayRunMinusThatRoundsDirectRun() {
        assertThat(PerRound.addedLine("p99", List.of(10_000.0, 30_000.0, 20_000.0), List.of(12_500.0, 29_000.0, 21_000.0)))
                .startsWith("Added p99 round by round: +2.50 ms, -1.00 ms, +1.00 ms (median +1.00 ms");
    }

    @Test
    void aRoundWithoutItsPairIsAnError() {
        assertThatThrownBy(() -> PerRound.ratios(List.of(1.0, 2.0), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
