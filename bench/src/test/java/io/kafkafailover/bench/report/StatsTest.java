package io.kafkafailover.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Stats.median(List.of(9.0, 1.0, 5.0))).isEqualTo(5.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(3.5);
    }

    @Test
    void nearestRankPercentileOfOneToTwoHundred() {
        List<Double> values = IntStream.rangeClosed(1, 200).mapToObj(i -> (double) i).toList();
        assertThat(Stats.percentile(values, 0.50)).isEqualTo(100.0);
        assertThat(Stats.percentile(values, 0.99)).isEqualTo(198.0);
        assertThat(Stats.max(values)).isEqualTo(200.0);
    }

    @Test
    void aSingleSlowValueIsTheP99OfFewSamples() {
        // With fewer than 100 samples the p99 is the maximum: one slow switch is not averaged away.
        assertThat(Stats.percentile(List.of(0.2, 0.3, 5.0, 0.25), 0.99)).isEqualTo(5.0);
    }

    @Test
    void noValuesIsAnError() {
        assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
