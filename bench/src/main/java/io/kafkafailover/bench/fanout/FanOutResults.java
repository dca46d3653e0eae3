package io.kafkafailover.bench.fanout;

import io.kafkafailover.operator.switching.SwitchPolicy;

import java.util.List;

/**
 * Everything the fan-out measured, and what it ran on.
 *
 * @param switchPolicy how the operator calls each pod (its production defaults)
 */
public record FanOutResults(OperatorFanOut.Settings settings, int gateways, List<String> podIps, int portStart,
                            int adminPort, SwitchPolicy switchPolicy, List<FanOutSample> samples) {
}
