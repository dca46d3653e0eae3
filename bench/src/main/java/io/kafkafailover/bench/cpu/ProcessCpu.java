package io.kafkafailover.bench.cpu;

import io.kafkafailover.bench.process.Commands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * CPU time a process has used so far, user and system, as the kernel accounts it in
 * {@code /proc/<pid>/stat}: what a container's CPU quota counts, threads of every kind included
 * (event loops, GC, JIT), which no JVM-internal counter covers.
 */
public final class ProcessCpu {
    /** The kernel's unit for utime and stime; nearly always 100 on Linux. */
    public static final ClockTicks TICKS = ClockTicks.read();
    /** Fields 14 (utime) and 15 (stime), counted from field 3, the first after the command name. */
    private static final int UTIME = 14 - 3;
    private static final int STIME = 15 - 3;

    private ProcessCpu() {
    }

    /** @param perSecond where it came from is part of the report: {@code measured} is false when assumed */
    public record ClockTicks(long perSecond, boolean measured) {

        static ClockTicks read() {
            try {
                String output = Commands.run(List.of("getconf", "CLK_TCK"), Duration.ofSeconds(10), "getconf");
                return new ClockTicks(Long.parseLong(output), true);
            } catch (RuntimeException e) {
                // no getconf, or no answer: fall back to the value Linux has used on every common architecture
                return new ClockTicks(100, false);
            }
        }

        public String describe() {
            return perSecond + " clock ticks per second (" + (measured ? "from `getconf CLK_TCK`"
                    : "assumed: `getconf CLK_TCK` could not be run") + ")";
        }
    }

    /** CPU time spent in the process's own code and in the kernel on its behalf (system calls, the network stack). */
    public record Times(Duration user, Duration system) {
        public Duration total() {
            return user.plus(system);
        }

        public Times minus(Times earlier) {
            return new Times(user.minus(earlier.user), system.minus(earlier.system));
        }
    }

    public static Times cpuTime(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CPU time of process " + pid + " (is it still running?)", e);
        }
        // The command name (field 2) is in parentheses and may itself contain spaces and parentheses.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new Times(ticks(fields[UTIME]), ticks(fields[STIME]));
    }

    private static Duration ticks(String field) {
        return Duration.ofNanos(Long.parseLong(field) * 1_000_000_000L / TICKS.perSecond());
    }
}
