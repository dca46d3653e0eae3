package io.kafkafailover.bench.latency;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;

/**
 * A run's latencies as an HdrHistogram, carried from the probe's JVM to the harness as text, so
 * that the rounds' records can be pooled: the p99 of all of them is a percentile over every stall
 * the runs lived through, which a median of single runs' p99s is not.
 */
final class LatencyHistogram {
    /** An hour in microseconds: no acknowledged record waits longer. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;
    /** Three significant digits: at 40 ms, within 40 µs. */
    private static final int SIGNIFICANT_DIGITS = 3;

    private LatencyHistogram() {
    }

    static Histogram empty() {
        return new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    static Histogram decode(String encoded) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a compressed latency histogram", e);
        }
    }

    /** Microseconds at the percentile (0 to 100), the highest value equivalent to it at this precision. */
    static double micros(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile);
    }
}
