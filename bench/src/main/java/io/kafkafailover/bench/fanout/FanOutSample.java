package io.kafkafailover.bench.fanout;

import java.time.Duration;
import java.util.Optional;

/**
 * One switch of the fan-out, every time counted from the return of the {@code spec.active} patch.
 *
 * @param confirmed      gateways that answered with the target before the timeout
 * @param allConfirmed   when the last of them was seen answering with the target (polled)
 * @param firstSwitched  the earliest {@code switchedAt} the confirmed gateways reported
 * @param lastSwitched   the latest {@code switchedAt} they reported
 * @param statusFollowed when {@code status.activeCluster} was seen naming the target (polled)
 */
public record FanOutSample(int number, String target, int confirmed, Optional<Duration> allConfirmed,
                    Optional<Duration> firstSwitched, Optional<Duration> lastSwitched,
                    Optional<Duration> statusFollowed) {

    public boolean complete() {
        return allConfirmed.isPresent() && statusFollowed.isPresent();
    }
}
