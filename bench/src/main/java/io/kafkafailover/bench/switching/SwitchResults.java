package io.kafkafailover.bench.switching;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * @param seconds          one sample per switch and producer that was confirmed: switch call's
 *                         return to that producer's first acknowledgement from the new cluster
 * @param unconfirmed      switch-producer pairs without any acknowledgement from the new cluster
 *                         before the next switch (or the end of the run)
 * @param errors           records the producers gave up on, by exception type
 * @param acked            records acknowledged in total
 * @param meanCallMillis   mean duration of the switch call itself
 * @param recordsReadBack  records found in both clusters' topics afterwards
 * @param slowestClose     the longest a producer needed, once stopped, to deliver its last records
 */
public record SwitchResults(List<Double> seconds, int switches, int producers, int unconfirmed,
                            Map<String, Long> errors, long acked, double meanCallMillis, long recordsReadBack,
                            Duration slowestClose) {

    public long failedRecords() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
