package io.kafkafailover.bench.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundBootstrapTest {

    @Test
    void roundsThatAllAgreeLeaveNoRoomEitherWay() {
        RoundBootstrap.Interval interval =
                RoundBootstrap.ratioOfMedians(List.of(10.0, 10.0, 10.0), List.of(9.0, 9.0, 9.0));

        assertThat(interval.low()).isEqualTo(0.9);
        assertThat(interval.high()).isEqualTo(0.9);
    }

    @Test
    void eachRoundsTwoSidesAreDrawnTogether() {
        // Every round's gateway run matched its direct run; only drawing sides apart could make a ratio other than 1.
        RoundBootstrap.Interval interval =
                RoundBootstrap.ratioOfMedians(List.of(10.0, 20.0, 40.0), List.of(10.0, 20.0, 40.0));

        assertThat(interval).isEqualTo(new RoundBootstrap.Interval(1.0, 1.0, 3));
    }

    @Test
    void roundsThatDisagreeGiveARangeAroundTheMedianWithinWhatTheRoundsAllow() {
        List<Double> direct = List.of(10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0);
        List<Double> gateway = List.of(8.0, 9.0, 9.5, 10.0, 10.5, 11.0, 12.0);

        RoundBootstrap.Interval interval = RoundBootstrap.ratioOfMedians(direct, gateway);

        assertThat(interval.low()).isBetween(0.8, 0.99);
        assertThat(interval.high()).isBetween(1.01, 1.2);
    }

    @Test
    void theSameRoundsGiveTheSameInterval() {
        List<Double> direct = List.of(31.0, 33.5, 36.2, 29.9, 40.1);
        List<Double> gateway = List.of(30.2, 28.4, 35.0, 31.7, 36.6);

        assertThat(RoundBootstrap.ratioOfMedians(direct, gateway))
                .isEqualTo(RoundBootstrap.ratioOfMedians(direct, gateway));
    }

    @Test
    void theStatisticSeesAsManyDrawsAsRoundsFromThoseRoundsOnly() {
        Set<Integer> sizes = new HashSet<>();
        Set<Integer> rounds = new HashSet<>();
        RoundBootstrap.Interval interval = RoundBootstrap.interval(4, drawn -> {
            sizes.add(drawn.length);
            Arrays.stream(drawn).forEach(rounds::add);
            return drawn[0];
        });

        assertThat(sizes).containsExactly(4);
        assertThat(rounds).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(interval).isEqualTo(new RoundBootstrap.Interval(0, 3, 4));
    }

    @Test
    void severalComparisonsFromTheSameResamplesEachGetTheIntervalTheyWouldGetAlone() {
        double[] perRound = {4.0, 9.0, 1.0, 7.0, 3.0, 8.0};
        ToDoubleFunction<int[]> mean = drawn -> Arrays.stream(drawn).mapToDouble(round -> perRound[round]).average().orElseThrow();
        ToDoubleFunction<int[]> largest = drawn -> Arrays.stream(drawn).mapToDouble(round -> perRound[round]).max().orElseThrow();

        List<RoundBootstrap.Interval> together = RoundBootstrap.intervals(perRound.length,
                drawn -> new double[] {mean.applyAsDouble(drawn), largest.applyAsDouble(drawn)});

        assertThat(together).containsExactly(RoundBootstrap.interval(perRound.length, mean),
                RoundBootstrap.interval(perRound.length, largest));
        assertThat(together.get(0).low()).isLessThan(together.get(0).high());
    }

    @Test
    void sidesWithDifferentRoundCountsAreRefused() {
        assertThatThrownBy(() -> RoundBootstrap.ratioOfMedians(List.of(1.0, 2.0), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 direct runs but 1");
    }

    @Test
    void cellsGiveBothEnds() {
        assertThat(RoundBootstrap.ratioCell(new RoundBootstrap.Interval(0.8123, 1.0456, 7)))
                .isEqualTo("0.812 to 1.046");
        assertThat(RoundBootstrap.addedMillisCell(new RoundBootstrap.Interval(-1500, 2250, 7)))
                .isEqualTo("-1.50 ms to +2.25 ms");
    }

    @Test
    void oneRoundHasNoSpreadToShow() {
        RoundBootstrap.Interval interval = RoundBootstrap.ratioOfMedians(List.of(10.0), List.of(9.0));

        assertThat(RoundBootstrap.ratioCell(interval)).isEqualTo("one round only");
        assertThat(RoundBootstrap.addedMillisCell(interval)).isEqualTo("one round only");
    }
}
