package io.kafkafailover.bench.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * How long threads that could run waited for a core, from the kernel's pressure stall information
 * ({@code /proc/pressure/cpu}, Linux 4.20 and later): the total of its "some" line, the time in
 * which at least one runnable thread was kept waiting. On a machine where that share is high, both
 * sides' latency tails are set by the wait for a core, and a millisecond between them is hard to see.
 */
public final class CpuPressure {
    private static final Path PRESSURE = Path.of("/proc/pressure/cpu");

    private CpuPressure() {
    }

    /** Microseconds waited so far; empty where the kernel does not report pressure. */
    public static OptionalLong waitedMicros() {
        try {
            return OptionalLong.of(someTotalMicros(Files.readAllLines(PRESSURE, StandardCharsets.US_ASCII)));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    static long someTotalMicros(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("some ")) {
                for (String field : line.split("\\s+")) {
                    if (field.startsWith("total=")) {
                        return Long.parseLong(field.substring("total=".length()));
                    }
                }
            }
        }
        throw new IllegalArgumentException("no 'some ... total=' line in " + lines);
    }

    /** The share of {@code elapsedNanos} waited between two readings, as a cell: "37 %", or "n/a". */
    public static String shareCell(OptionalLong before, OptionalLong after, long elapsedNanos) {
        if (before.isEmpty() || after.isEmpty() || elapsedNanos <= 0) {
            return "n/a";
        }
        double share = (after.getAsLong() - before.getAsLong()) * 1_000.0 / elapsedNanos;
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }
}
