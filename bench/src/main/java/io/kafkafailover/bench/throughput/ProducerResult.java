package io.kafkafailover.bench.throughput;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary lines of a {@link PerfToolMain} run, one per producer, as ProducerPerformance
 * prints them, and their total.
 *
 * @param records       records acknowledged by all producers together
 * @param mibPerSecond  all producers' records, in MiB, over the longest producer's run time (they
 *                      start together, so that is the wall time of the run)
 */
public record ProducerResult(long records, double recordsPerSecond, double mibPerSecond) {
    // "200000 records sent, 6737.182510 records/sec (6.58 MB/sec), 3930.99 ms avg latency, 7736.00 ms max
    // latency, 3761 ms 50th, 6689 ms 95th, 7272 ms 99th, 7651 ms 99.9th." Progress lines lack the percentiles.
    private static final Pattern SUMMARY = Pattern.compile(
            "^(\\d+) records sent, ([\\d.]+) records/sec \\([\\d.]+ MB/sec\\), .* ms 99\\.9th\\.$");

    static ProducerResult parse(List<String> output, int producers, int recordSize) {
        long records = 0;
        double longestSeconds = 0;
        int summaries = 0;
        for (String line : output) {
            Matcher matcher = SUMMARY.matcher(line.strip());
            if (matcher.matches()) {
                long sent = Long.parseLong(matcher.group(1));
                double rate = Double.parseDouble(matcher.group(2));
                records += sent;
                longestSeconds = Math.max(longestSeconds, sent / rate);
                summaries++;
            }
        }
        if (summaries != producers || longestSeconds <= 0) {
            throw new IllegalStateException("Expected " + producers + " ProducerPerformance summaries, found " + summaries);
        }
        double recordsPerSecond = records / longestSeconds;
        return new ProducerResult(records, recordsPerSecond, recordsPerSecond * recordSize / (1024.0 * 1024.0));
    }

    /** The wall time of the run, as the producers measured it. */
    public double seconds() {
        return records / recordsPerSecond;
    }
}
