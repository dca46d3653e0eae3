package io.kafkafailover.bench.memory;

/** The gateway process's memory at one moment, in bytes. */
public record MemorySample(long rssBytes, long heapUsedBytes) {

    public static MemorySample max(MemorySample a, MemorySample b) {
        return new MemorySample(Math.max(a.rssBytes, b.rssBytes), Math.max(a.heapUsedBytes, b.heapUsedBytes));
    }

    public double rssMib() {
        return rssBytes / (1024.0 * 1024.0);
    }

    public double heapUsedMib() {
        return heapUsedBytes / (1024.0 * 1024.0);
    }
}
