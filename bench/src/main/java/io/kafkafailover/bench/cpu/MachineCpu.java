package io.kafkafailover.bench.cpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * CPU time of the whole machine so far, all cores together, from the first line of
 * {@code /proc/stat}: how busy the machine was while a run took place, whoever was busy.
 */
public final class MachineCpu {
    private static final Path STAT = Path.of("/proc/stat");
    // Columns of the "cpu" line, counted after the label: user nice system idle iowait irq softirq steal.
    private static final int[] BUSY = {0, 1, 2, 5, 6};
    private static final int[] NOT_BUSY = {3, 4, 7};
    private static final int STEAL = 7;

    private MachineCpu() {
    }

    /**
     * @param busy     time the cores ran something: user and system code, interrupts
     * @param capacity all the time the cores had, busy or not
     * @param stolen   the part of it the hypervisor gave to other machines while this one had work
     *                 (steal): not busy, since nothing here could use it, and a sign of a noisy host
     */
    public record Times(Duration busy, Duration capacity, Duration stolen) {
        public Times minus(Times earlier) {
            return new Times(busy.minus(earlier.busy), capacity.minus(earlier.capacity), stolen.minus(earlier.stolen));
        }
    }

    public static Times now() {
        try {
            return parse(Files.readAllLines(STAT, StandardCharsets.US_ASCII).get(0));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the machine's CPU time from " + STAT, e);
        }
    }

    static Times parse(String cpuLine) {
        String[] parts = cpuLine.trim().split("\\s+");
        if (!parts[0].equals("cpu") || parts.length < 9) {
            throw new IllegalArgumentException("not the aggregate cpu line of /proc/stat: " + cpuLine);
        }
        long[] ticks = Arrays.stream(parts, 1, 9).mapToLong(Long::parseLong).toArray();
        long busy = Arrays.stream(BUSY).mapToLong(i -> ticks[i]).sum();
        long notBusy = Arrays.stream(NOT_BUSY).mapToLong(i -> ticks[i]).sum();
        return new Times(ticks(busy), ticks(busy + notBusy), ticks(ticks[STEAL]));
    }

    private static Duration ticks(long count) {
        return Duration.ofNanos(count * 1_000_000_000L / ProcessCpu.TICKS.perSecond());
    }
}
