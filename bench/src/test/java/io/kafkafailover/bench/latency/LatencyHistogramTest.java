package io.kafkafailover.bench.latency;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

class LatencyHistogramTest {

    @Test
    void aRunsLatenciesSurviveTheTripFromTheProbe() {
        Histogram run = LatencyHistogram.empty();
        for (long micros = 1; micros <= 10_000; micros++) {
            run.recordValue(micros);
        }
        Histogram decoded = LatencyHistogram.decode(LatencyHistogram.encode(run));
        assertThat(decoded.getTotalCount()).isEqualTo(10_000);
        assertThat(LatencyHistogram.micros(decoded, 99)).isCloseTo(9_900, withPercentage(0.1));
    }

    @Test
    void pooledRoundsGiveThePercentileOfAllTheirRecordsNotOfOneRound() {
        // a quiet round (every record 2 ms) and one with a 2 % stall at 100 ms: each round's own p99 is 2 and
        // 100 ms, but over both rounds' records only 1 % waited 100 ms, and the p99 is 2 ms
        Histogram quiet = LatencyHistogram.empty();
        quiet.recordValueWithCount(2_000, 10_000);
        Histogram stalled = LatencyHistogram.empty();
        stalled.recordValueWithCount(2_000, 9_800);
        stalled.recordValueWithCount(100_000, 200);
        Histogram pooled = LatencyHistogram.empty();
        pooled.add(LatencyHistogram.decode(LatencyHistogram.encode(quiet)));
        pooled.add(LatencyHistogram.decode(LatencyHistogram.encode(stalled)));
        assertThat(LatencyHistogram.micros(stalled, 99)).isCloseTo(100_000, withPercentage(0.1));
        assertThat(LatencyHistogram.micros(pooled, 99)).isCloseTo(2_000, withPercentage(0.1));
        assertThat(LatencyHistogram.micros(pooled, 99.5)).isCloseTo(100_000, withPercentage(0.1));
    }

    @Test
    void textThatIsNoHistogramIsRefused() {
        assertThatThrownBy(() -> LatencyHistogram.decode("bm90IGEgaGlzdG9ncmFt"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
