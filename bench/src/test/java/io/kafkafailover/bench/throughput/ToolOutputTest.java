package io.kafkafailover.bench.throughput;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** Reading the kafka-tools' output, in the form Kafka 4.3 prints it. */
class ToolOutputTest {

    @Test
    void producersAddUpOverTheLongestProducersRunTime() {
        List<String> output = List.of(
                "25500 records sent, 5096.9 records/sec (4.98 MB/sec), 5931.1 ms avg latency, 7513.0 ms max latency.",
                "100000 records sent, 5000.000000 records/sec (4.88 MB/sec), 30.00 ms avg latency, 70.00 ms max latency, 20 ms 50th, 60 ms 95th, 65 ms 99th, 69 ms 99.9th.",
                "100000 records sent, 4000.000000 records/sec (3.91 MB/sec), 31.00 ms avg latency, 75.00 ms max latency, 21 ms 50th, 61 ms 95th, 66 ms 99th, 70 ms 99.9th.");

        ProducerResult result = ProducerResult.parse(output, 2, 1024);

        // 200,000 records over the slower producer's 25 s, not 5,000 + 4,000 records/s.
        assertThat(result.records()).isEqualTo(200_000);
        assertThat(result.recordsPerSecond()).isCloseTo(8_000, offset(0.001));
        assertThat(result.mibPerSecond()).isCloseTo(8_000 * 1024 / (1024.0 * 1024.0), offset(0.001));
    }

    @Test
    void aMissingProducerSummaryIsAnError() {
        List<String> output = List.of(
                "100000 records sent, 5000.000000 records/sec (4.88 MB/sec), 30.00 ms avg latency, 70.00 ms max latency, 20 ms 50th, 60 ms 95th, 65 ms 99th, 69 ms 99.9th.");

        assertThatThrownBy(() -> ProducerResult.parse(output, 2, 1024)).hasMessageContaining("Expected 2");
    }

    @Test
    void consumerResultIsReadByColumnName() {
        List<String> output = List.of(
                "[main] INFO org.apache.kafka.tools.ConsumerPerformance - Starting consumer...",
                "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec",
                "2026-11-24 19:40:43:546, 2026-11-24 19:40:51:680, 195.3125, 24.0119, 200000, 24588.1485, 3581, 4553, 42.8975, 43927.0810");

        ConsumerResult result = ConsumerResult.parse(output);

        assertThat(result.records()).isEqualTo(200_000);
        assertThat(result.fetchMibPerSecond()).isEqualTo(42.8975);
        assertThat(result.fetchRecordsPerSecond()).isEqualTo(43927.0810);
        assertThat(result.rebalanceMillis()).isEqualTo(3581);
    }
}
