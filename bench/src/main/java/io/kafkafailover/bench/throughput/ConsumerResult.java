package io.kafkafailover.bench.throughput;

import java.util.Arrays;
import java.util.List;

/**
 * ConsumerPerformance's result line, read by its header's column names.
 *
 * @param fetchMibPerSecond MiB per second while fetching: the time to join the group (reported
 *                          separately as {@code rebalanceMillis}) is left out, so that this is the
 *                          steady-state rate
 */
public record ConsumerResult(long records, double fetchMibPerSecond, double fetchRecordsPerSecond, long rebalanceMillis) {
    private static final String HEADER_START = "start.time, end.time";

    static ConsumerResult parse(List<String> output) {
        for (int i = 0; i < output.size() - 1; i++) {
            if (output.get(i).startsWith(HEADER_START)) {
                List<String> names = Arrays.stream(output.get(i).split(",")).map(String::strip).toList();
                List<String> values = Arrays.stream(output.get(i + 1).split(",")).map(String::strip).toList();
                if (values.size() != names.size()) {
                    break;
                }
                return new ConsumerResult(
                        Long.parseLong(values.get(names.indexOf("data.consumed.in.nMsg"))),
                        Double.parseDouble(values.get(names.indexOf("fetch.MB.sec"))),
                        Double.parseDouble(values.get(names.indexOf("fetch.nMsg.sec"))),
                        Long.parseLong(values.get(names.indexOf("rebalance.time.ms"))));
            }
        }
        throw new IllegalStateException("No ConsumerPerformance result in its output");
    }

    /** The consumer's whole run, as it measured it: joining the group, then fetching. */
    public double seconds() {
        return records / fetchRecordsPerSecond + rebalanceMillis / 1000.0;
    }
}
