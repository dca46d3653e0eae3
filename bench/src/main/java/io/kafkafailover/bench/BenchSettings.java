package io.kafkafailover.bench;

import io.kafkafailover.bench.fanout.OperatorFanOut;
import io.kafkafailover.bench.switching.SwitchTime;

import java.time.Duration;
import java.util.Set;

/**
 * How big one benchmark run is. Sizes are given as durations where the machine decides the rate:
 * a calibration run measures what the brokers take directly, and every measured run then sends
 * that rate times the target duration, the same count on both sides.
 *
 * @param rounds              rounds of alternating direct and through-gateway runs (medians are over these)
 * @param producers           concurrent ProducerPerformance producers per throughput run
 * @param calibrationRecords  records per producer of the unmeasured calibration run
 * @param warmUpRecords       records per producer of the unmeasured run through the gateway that warms
 *                            the gateway and the brokers before the calibration
 * @param settlingRounds      unmeasured rounds of the measured runs, both sides, after the calibration
 * @param producerRun         target duration of one measured producer run
 * @param consumerData        how long producing the consumer benchmark's data set should take
 * @param minRecords          floor for every record count, so that tiny runs still measure something
 * @param latencyRun          measured duration of one fixed-rate latency run
 * @param latencyWarmUp       unmeasured start of a latency run
 * @param fanOut              how many times the operator switches its 20 gateways
 * @param idleConnections     connections held open for the idle-memory measurement
 * @param profile             also record the gateway with JFR during an extra, unmeasured run
 * @param only                measurements to run ({@link #PHASES}); empty runs them all
 */
public record BenchSettings(String mode, int rounds, int producers, int recordSize, long calibrationRecords,
                            long warmUpRecords, int settlingRounds, Duration producerRun, Duration consumerData,
                            long minRecords,
                            Duration latencyRun, Duration latencyWarmUp, SwitchTime.Settings switching,
                            OperatorFanOut.Settings fanOut, int idleConnections, boolean profile, Set<String> only) {

    public static final int TOPIC_PARTITIONS = 6;
    public static final Set<String> PHASES = Set.of("producer", "consumer", "latency", "switch", "fanout", "memory");

    public BenchSettings(String mode, int rounds, int producers, int recordSize, long calibrationRecords,
                         long warmUpRecords, int settlingRounds, Duration producerRun, Duration consumerData,
                         long minRecords,
                         Duration latencyRun, Duration latencyWarmUp, SwitchTime.Settings switching,
                         OperatorFanOut.Settings fanOut, int idleConnections, boolean profile) {
        this(mode, rounds, producers, recordSize, calibrationRecords, warmUpRecords,
                settlingRounds, producerRun, consumerData, minRecords,
                latencyRun, latencyWarmUp, switching, fanOut, idleConnections, profile,
                Set.of());
    }

    /**
     * The default: about 25 minutes on a two-core machine. The consumer data set is 120 s
     * of producing (about 5 GiB here) so that a consumer run reads for seconds: at 30 s, runs of 1 to
     * 2 s mostly measured a fresh consumer JVM compiling its fetch path, and rounds ranged from
     * 0.63 to 1.28 of direct. Seven rounds, because single rounds vary by ±15 % on two shared cores.
     *
     * <p>The warm-up is about 3.4 GiB: fresh brokers here got cheaper run after run of 300,000
     * records (from 23.8 to 6.3 CPU-s), and the gateway's produce path, one request per 30 KiB or
     * so, needs several hundred thousand records to settle. Even after it, the brokers' JIT
     * compiler threads still worked 5.4 and 2.5 CPU-s in the first two runs of the measured size
     * (fresh topic, fresh producers) and under 1 CPU-s from the third on: hence two settling rounds.
     *
     * <p>A latency run measures after 15 s at its rate: the probe's fresh JVM kept a core busy
     * compiling for its first 10 to 15 s, the machine was 96 to 99 % busy meanwhile, and records
     * waited up to a second; warm, the probe uses under half a core. It then measures for 40 s:
     * both sides' p99 over all rounds is a percentile over the stalls the machine had meanwhile, and
     * over 140 s (20 s runs) those were few enough that their difference, +1.18 ms in a full run,
     * could not be told from the 1 ms target; twice as long halves the variance.
     */
    public static BenchSettings full() {
        return new BenchSettings("full", 7, 3, 1024, 20_000, 1_200_000, 2, Duration.ofSeconds(20),
                Duration.ofSeconds(120), 10_000,
                Duration.ofSeconds(40), Duration.ofSeconds(15),
                new SwitchTime.Settings(10, 20, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(15)),
                new OperatorFanOut.Settings(10, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                1_000, false);
    }

    /** {@code --quick}: every measurement, fewer and shorter runs; a few minutes. */
    public static BenchSettings quick() {
        return new BenchSettings("quick", 2, 3, 1024, 10_000, 300_000, 1, Duration.ofSeconds(8),
                Duration.ofSeconds(30), 5_000,
                Duration.ofSeconds(8), Duration.ofSeconds(10),
                new SwitchTime.Settings(10, 10, Duration.ofMillis(10), Duration.ofMillis(500), Duration.ofSeconds(15)),
                new OperatorFanOut.Settings(6, Duration.ofMillis(500), Duration.ofSeconds(30)),
                1_000, false);
    }

    /** {@code --smoke}: proves the harness works end to end (the build runs it); its numbers mean little. */
    public static BenchSettings smoke() {
        return new BenchSettings("smoke", 1, 2, 1024, 1_000, 8_000, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1_000,
                Duration.ofSeconds(2), Duration.ofMillis(500),
                new SwitchTime.Settings(3, 2, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(15)),
                new OperatorFanOut.Settings(2, Duration.ofMillis(500), Duration.ofSeconds(30)),
                50, false);
    }

    public BenchSettings withProfile(boolean on) {
        return new BenchSettings(mode, rounds, producers, recordSize, calibrationRecords, warmUpRecords,
                settlingRounds, producerRun, consumerData, minRecords,
                latencyRun, latencyWarmUp, switching, fanOut, idleConnections, on, only);
    }

    public BenchSettings withRounds(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        return new BenchSettings(mode, count, producers, recordSize, calibrationRecords, warmUpRecords,
                settlingRounds, producerRun, consumerData, minRecords,
                latencyRun, latencyWarmUp, switching, fanOut, idleConnections, profile, only);
    }

    /** {@code --only}: a subset of the measurements, each still run with the same settings on both sides. */
    public BenchSettings withOnly(Set<String> phases) {
        for (String phase : phases) {
            if (!PHASES.contains(phase)) {
                throw new IllegalArgumentException("--only: unknown measurement '" + phase + "', known: " + PHASES);
            }
        }
        return new BenchSettings(mode, rounds, producers, recordSize, calibrationRecords, warmUpRecords,
                settlingRounds, producerRun, consumerData, minRecords,
                latencyRun, latencyWarmUp, switching, fanOut, idleConnections, profile,
                Set.copyOf(phases));
    }

    public boolean runs(String phase) {
        return only.isEmpty() || only.contains(phase);
    }

    /** Records to send for a run of {@code target} at {@code recordsPerSecond}, never below the floor. */
    public long recordsFor(double recordsPerSecond, Duration target) {
        return Math.max(minRecords, Math.round(recordsPerSecond * target.toMillis() / 1000.0));
    }
}
