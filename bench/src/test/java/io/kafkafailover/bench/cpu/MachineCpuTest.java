package io.kafkafailover.bench.cpu;

import io.kafkafailover.bench.Side;
import io.kafkafailover.bench.report.PhaseResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MachineCpuTest {
    private static final long TICKS = ProcessCpu.TICKS.perSecond();
    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void busyIsUserNiceSystemIrqAndSoftirqAndStealIsNotBusy() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        MachineCpu.Times times = MachineCpu.parse("cpu  100 20 30 400 50 6 4 40 0 0");
        assertThat(times.busy()).isEqualTo(ticks(100 + 20 + 30 + 6 + 4));
        assertThat(times.capacity()).isEqualTo(ticks(100 + 20 + 30 + 400 + 50 + 6 + 4 + 40));
        assertThat(times.stolen()).isEqualTo(ticks(40));
    }

    @Test
    void aPerCoreLineIsNotTheMachine() {
        assertThatThrownBy(() -> MachineCpu.parse("cpu0 1 2 3 4 5 6 7 8 0 0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu0");
    }

    @Test
    void thisMachineCountsForward() {
        MachineCpu.Times before = MachineCpu.now();
        MachineCpu.Times after = MachineCpu.now();
        assertThat(after.minus(before).capacity()).isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(before.capacity()).isGreaterThanOrEqualTo(before.busy());
    }

    @Test
    void everythingElseIsWhatTheBrokersAndTheGatewayDidNotUse() {
        MachineCpuUsage usage = new MachineCpuUsage("r", Side.GATEWAY, 18, 20, 1, 8, 1, GIB / 2);
        assertThat(usage.elseSeconds()).isEqualTo(9);
        assertThat(usage.busyPercent()).isEqualTo(90);
        assertThat(usage.stolenPercent()).isEqualTo(5);
        assertThat(usage.machineSecondsPerGib()).isEqualTo(36);
        assertThat(new MachineCpuUsage("r", Side.DIRECT, 5, 20, 0, 4, 1.5, GIB).elseSeconds()).isZero();
    }

    @Test
    void reportComparesTheMediansPerGibOfBothSides() {
        List<MachineCpuUsage> producer = List.of(
                new MachineCpuUsage("produce-r1-direct", Side.DIRECT, 20, 22, 0, 10, 0, GIB),
                new MachineCpuUsage("produce-r1-gateway", Side.GATEWAY, 22, 23, 0, 10, 1, GIB),
                new MachineCpuUsage("produce-r2-gateway", Side.GATEWAY, 26, 27, 0, 10, 1, GIB),
                new MachineCpuUsage("produce-r2-direct", Side.DIRECT, 24, 25, 0, 10, 0, GIB));
        PhaseResult result = MachineCpuReport.of(producer, List.of());
        assertThat(result.rows()).first().satisfies(row -> {
            assertThat(row.measurement()).contains("produced");
            assertThat(row.direct()).isEqualTo("22.00");
            assertThat(row.gateway()).isEqualTo("24.00");
            assertThat(row.comparison()).isEqualTo("1.091");
        });
        assertThat(result.details().lines()).anySatisfy(line -> assertThat(line)
                .isEqualTo("| produce-r1-gateway | 96 % | 0.0 % | 22.00 | 10.00 | 1.00 | 11.00 | 1024.0 | 22.00 |"));
    }

    @Test
    void whatTheCpuAllowsIsTheDirectSidesCoreTimeOverTheGatewaySidesCpuTimePerGib() {
        // direct: 1.1 and 1.3 CPU-s per GiB on cores 73 and 75 % busy; through the gateway 1.9 and 1.8, 81 and 82 %
        List<MachineCpuUsage> consumer = List.of(
                new MachineCpuUsage("consume-r1-direct", Side.DIRECT, 8.8, 12, 0, 3, 0, 8 * GIB),
                new MachineCpuUsage("consume-r1-gateway", Side.GATEWAY, 15.2, 18.8, 0, 4, 5, 8 * GIB),
                new MachineCpuUsage("consume-r2-gateway", Side.GATEWAY, 14.4, 17.5, 0, 4, 5, 8 * GIB),
                new MachineCpuUsage("consume-r2-direct", Side.DIRECT, 10.4, 13.9, 0, 3, 0, 8 * GIB));
        PhaseResult result = MachineCpuReport.of(List.of(), consumer);
        assertThat(result.rows()).hasSize(2).last().satisfies(row -> {
            assertThat(row.measurement()).contains("CPU allows", "consumer runs");
            assertThat(row.direct()).isEqualTo("1.62"); // median of 12 / 8 and 13.9 / 8 core-s per GiB
            assertThat(row.gateway()).isEqualTo("1.85"); // median of 1.9 and 1.8 CPU-s per GiB
            assertThat(row.comparison()).isEqualTo("0.875");
        });
    }

    @Test
    void aRunFilesTheGatewaysOwnUsageOnlyWhenItWentThroughTheGateway() {
        List<MachineCpuUsage> machineRuns = new ArrayList<>();
        List<CpuUsage> gatewayRuns = new ArrayList<>();
        long self = ProcessHandle.current().pid(); // a live process stands in for the brokers and the gateway
        for (Side side : Side.order(0)) {
            RunCpuMeter.start(self, self).stop("r1-" + side.label(), side, 1, GIB).addTo(machineRuns, gatewayRuns);
        }
        assertThat(machineRuns).extracting(MachineCpuUsage::run).containsExactly("r1-direct", "r1-gateway");
        assertThat(gatewayRuns).singleElement().satisfies(usage -> {
            assertThat(usage.run()).isEqualTo("r1-gateway");
            assertThat(usage.cpuSeconds()).isEqualTo(machineRuns.get(1).gatewaySeconds());
            assertThat(usage.systemSeconds()).isBetween(0.0, usage.cpuSeconds());
        });
    }

    private static Duration ticks(long count) {
        return Duration.ofNanos(count * 1_000_000_000L / TICKS);
    }
}
