package io.kafkafailover.bench;

import io.kafkafailover.bench.process.BenchPaths;
import io.kafkafailover.bench.process.BrokerClusters;
import io.kafkafailover.bench.process.CpuPlacement;
import io.kafkafailover.bench.process.GatewayProcess;

import java.util.List;

/**
 * What every phase of a run shares.
 *
 * @param loadJvmOptions options of the load generators' JVMs, the same for both sides
 * @param cpus           where the gateways run and where everything else does
 */
public record BenchContext(BenchSettings settings, BenchPaths paths, BrokerClusters clusters, GatewayProcess gateway,
                           List<String> loadJvmOptions, CpuPlacement cpus) {
}
