package io.kafkafailover.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the numbers were measured on, read from the running system (Linux /proc where available). */
public final class Machine {
    private static final Pattern CPU_MODEL = Pattern.compile("^model name\\s*:\\s*(.+)$", Pattern.MULTILINE);
    private static final Pattern MEM_TOTAL = Pattern.compile("^MemTotal:\\s+(\\d+) kB", Pattern.MULTILINE);

    private Machine() {
    }

    /** Label to value, in the order the report prints them. */
    public static Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("CPU", read("/proc/cpuinfo").flatMap(text -> first(CPU_MODEL, text)).orElse("unknown"));
        facts.put("Cores available", String.valueOf(Runtime.getRuntime().availableProcessors()));
        facts.put("Memory", read("/proc/meminfo").flatMap(text -> first(MEM_TOTAL, text))
                .map(kb -> String.format("%.1f GiB", Long.parseLong(kb) / (1024.0 * 1024.0))).orElse("unknown"));
        facts.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        facts.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        facts.put("Kafka", org.apache.kafka.common.utils.AppInfoParser.getVersion());
        return facts;
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
    public static String loadAverage() {
        return read("/proc/loadavg").map(text -> {
            String[] parts = text.strip().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        }).orElseGet(() -> String.format("%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
    }
}
