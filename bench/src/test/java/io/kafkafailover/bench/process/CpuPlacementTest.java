package io.kafkafailover.bench.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class CpuPlacementTest {

    @Test
    void cpuListsReadAndWriteAsTheKernelAndTasksetDo() {
        assertThat(CpuPlacement.parse("0-2,5")).containsExactly(0, 1, 2, 5);
        assertThat(CpuPlacement.parse("3")).containsExactly(3);
        assertThat(CpuPlacement.format(cpus(0, 1, 2, 5, 7, 8))).isEqualTo("0-2,5,7-8");
        assertThat(CpuPlacement.format(cpus(4))).isEqualTo("4");
        for (String bad : List.of("", "a", "2-1", "1-2-3", "-1", "1,")) {
            assertThatThrownBy(() -> CpuPlacement.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a CPU list");
        }
    }

    @Test
    void theOthersGetEveryAllowedCpuTheGatewayDoesNot() {
        CpuPlacement placement = CpuPlacement.gatewayOn("2-3", cpus(0, 1, 2, 3));
        assertThat(placement.gateway()).containsExactly(2, 3);
        assertThat(placement.others()).containsExactly(0, 1);
        assertThat(placement.gatewayLauncher()).containsExactly("taskset", "-c", "2-3");
        assertThat(placement.describe()).contains("gateway on CPU 2-3 alone").contains("on CPU 0-1");
    }

    @Test
    void aPlacementThatLeavesNothingOrUsesForbiddenCpusIsRefused() {
        assertThatThrownBy(() -> CpuPlacement.gatewayOn("0-1", cpus(0, 1)))
                .hasMessageContaining("leaves no CPU for the brokers");
        assertThatThrownBy(() -> CpuPlacement.gatewayOn("4", cpus(0, 1)))
                .hasMessageContaining("may only use CPUs 0-1");
    }

    @Test
    void byDefaultNothingIsPlaced() {
        assertThat(CpuPlacement.SHARED.placed()).isFalse();
        assertThat(CpuPlacement.SHARED.gatewayLauncher()).isEmpty();
        assertThat(CpuPlacement.SHARED.describe()).contains("share every core");
    }

    /** The whole mechanism: a harness placed on the others, its children there too, a gateway on its own. */
    @Test
    void aPlacedProcessesChildrenInheritItsCpusAndTheGatewayLauncherOverridesThem(@TempDir Path logs) {
        SortedSet<Integer> allowed = CpuPlacement.allowedCpus(ProcessHandle.current().pid());
        assumeThat(allowed.size()).as("CPUs this test may use").isGreaterThanOrEqualTo(2);
        String gatewayCpu = String.valueOf(allowed.last());
        ChildJvm.Spec spec = ChildJvm.Spec.mainClass("placed", System.getProperty("java.class.path"),
                PlacedProcessMain.class.getName(), List.of(gatewayCpu));
        List<String> output = ChildJvm.run(spec, logs, Duration.ofMinutes(1));

        SortedSet<Integer> others = new TreeSet<>(allowed);
        others.remove(allowed.last());
        assertThat(output).contains(
                "self " + CpuPlacement.format(others),
                "child " + CpuPlacement.format(others),
                "gateway " + gatewayCpu);
    }

    private static SortedSet<Integer> cpus(Integer... cpus) {
        return new TreeSet<>(Set.of(cpus));
    }
}
