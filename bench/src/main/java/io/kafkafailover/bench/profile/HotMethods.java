package io.kafkafailover.bench.profile;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a JFR recording's CPU samples are: by the method on top of the stack (self time), and by
 * the gateway's own methods anywhere on the stack (time spent in them and what they call).
 */
public record HotMethods(long samples, Map<String, Long> self, Map<String, Long> gatewayInclusive) {
    private static final String GATEWAY_PACKAGE = "io.kafkafailover.";

    public static HotMethods read(Path recording, int top) {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                List<RecordedFrame> frames = stack.getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                self.merge(name(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>(); // recursion must not count a sample twice
                for (RecordedFrame frame : frames) {
                    String method = name(frame);
                    if (method.startsWith(GATEWAY_PACKAGE) && seen.add(method)) {
                        inclusive.merge(method, 1L, Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + recording, e);
        }
        return new HotMethods(samples, topOf(self, top), topOf(inclusive, top));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static Map<String, Long> topOf(Map<String, Long> counts, int top) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }
}
