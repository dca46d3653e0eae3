package io.kafkafailover.bench.throughput;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerfToolMainTest {
    private static final List<String> OUTPUT = List.of(
            "bench-run-started produce-r1-direct#1",
            "100 records sent, 50.0 records/sec (0.05 MB/sec), 1.00 ms avg latency, 2.00 ms max latency.",
            "bench-run-finished produce-r1-direct#1 ok",
            "bench-run-started produce-r1-gateway#2",
            "200 records sent, 50.0 records/sec (0.05 MB/sec), 1.00 ms avg latency, 2.00 ms max latency.",
            "bench-run-finished produce-r1-gateway#2 ok",
            "bench-run-started produce-r1-gateway#3",
            "java.lang.IllegalStateException: no brokers",
            "bench-run-finished produce-r1-gateway#3 failed");

    @Test
    void aRunsOutputIsWhatItPrintedBetweenItsOwnMarkers() {
        assertThat(PerfToolMain.outputOf(OUTPUT, "produce-r1-gateway#2")).containsExactly(
                "200 records sent, 50.0 records/sec (0.05 MB/sec), 1.00 ms avg latency, 2.00 ms max latency.");
    }

    @Test
    void aRunThatFailedOrHasNotFinishedHasNoOutputToRead() {
        assertThatThrownBy(() -> PerfToolMain.outputOf(OUTPUT, "produce-r1-gateway#3"))
                .hasMessageContaining("produce-r1-gateway#3");
        assertThatThrownBy(() -> PerfToolMain.outputOf(OUTPUT.subList(0, 5), "produce-r1-gateway#2"))
                .hasMessageContaining("produce-r1-gateway#2");
    }
}
