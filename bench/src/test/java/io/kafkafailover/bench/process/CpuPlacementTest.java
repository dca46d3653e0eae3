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
        CpuPlacement placement = CpuPlacement.of(null, "2-3", cpus(0, 1, 2, 3));
        assertThat(placement.gateway()).containsExactly(2, 3);
        assertThat(placement.others()).containsExactly(0, 1);
        assertThat(placement.gatewayLauncher()).containsExactly("taskset", "-c", "2-3");
        assertThat(placement.describe()).contains("gateway on CPU 2-3 alone").contains("on CPU 0-1");
    }

    @Test
    void brokersPlacedAloneLeaveTheGatewayWithTheLoadGenerators() {
        CpuPlacement placement = CpuPlacement.of("0", null, cpus(0, 1));
        assertThat(placement.brokers()).containsExactly(0);
        assertThat(placement.gateway()).isEmpty();
        assertThat(placement.others()).containsExactly(1);
        assertThat(placement.brokerLauncher()).containsExactly("taskset", "-c", "0");
        assertThat(placement.gatewayLauncher()).isEmpty();
        assertThat(placement.describe()).isEqualTo("the brokers on CPU 0 alone; the gateway, the load generators"
                + " and the harness on CPU 1");
        assertThat(placement.commandLineOptions()).isEqualTo(" --broker-cpus 0");
    }

    @Test
    void brokersAndGatewayEachGetTheirOwnCpusAndTheLoadGeneratorsTheRest() {
        CpuPlacement placement = CpuPlacement.of("0-1", "3", cpus(0, 1, 2, 3));
        assertThat(placement.others()).containsExactly(2);
        assertThat(placement.describe()).isEqualTo("the brokers on CPU 0-1 alone; the gateway on CPU 3 alone;"
                + " the load generators and the harness on CPU 2");
        assertThat(placement.commandLineOptions()).isEqualTo(" --broker-cpus 0-1 --gateway-cpus 3");
    }

    @Test
    void aPlacementThatLeavesNothingOverlapsOrUsesForbiddenCpusIsRefused() {
        assertThatThrownBy(() -> CpuPlacement.of(null, "0-1", cpus(0, 1)))
                .hasMessageContaining("--gateway-cpus 0-1 leaves no CPU for the load generators");
        assertThatThrownBy(() -> CpuPlacement.of("0", "1", cpus(0, 1)))
                .hasMessageContaining("--broker-cpus 0 --gateway-cpus 1 leaves no CPU");
        assertThatThrownBy(() -> CpuPlacement.of("0-1", "1-2", cpus(0, 1, 2, 3)))
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> CpuPlacement.of(null, "4", cpus(0, 1)))
                .hasMessageContaining("--gateway-cpus 4: this process may only use CPUs 0-1");
        assertThatThrownBy(() -> CpuPlacement.of("7", null, cpus(0, 1)))
                .hasMessageContaining("--broker-cpus 7: this process may only use CPUs 0-1");
    }

    @Test
    void byDefaultNothingIsPlaced() {
        assertThat(CpuPlacement.SHARED.placed()).isFalse();
        assertThat(CpuPlacement.SHARED.gatewayLauncher()).isEmpty();
        assertThat(CpuPlacement.SHARED.brokerLauncher()).isEmpty();
        assertThat(CpuPlacement.SHARED.commandLineOptions()).isEmpty();
        assertThat(CpuPlacement.of(null, null, cpus(0, 1))).isEqualTo(CpuPlacement.SHARED);
        assertThat(CpuPlacement.SHARED.describe()).contains("share every core");
    }

    /** The whole mechanism: a harness placed on the others, its children there too, a gateway on its own. */
    @Test
    void aPlacedProcessesChildrenInheritItsCpusAndTheGatewayLauncherOverridesThem(@TempDir Path logs) {
        SortedSet<Integer> allowed = allowedCpusOfTwoOrMore();
        String gatewayCpu = String.valueOf(allowed.last());
        String others = allBut(allowed, allowed.last());
        assertThat(placedProcess(logs, "-", gatewayCpu)).contains(
                "self " + others, "child " + others, "brokers " + others, "gateway " + gatewayCpu);
    }

    @Test
    void theBrokersLauncherPutsThemOnTheirOwnAndTheGatewayStaysWithTheOthers(@TempDir Path logs) {
        SortedSet<Integer> allowed = allowedCpusOfTwoOrMore();
        String brokerCpu = String.valueOf(allowed.first());
        String others = allBut(allowed, allowed.first());
        assertThat(placedProcess(logs, brokerCpu, "-")).contains(
                "self " + others, "child " + others, "brokers " + brokerCpu, "gateway " + others);
    }

    private static SortedSet<Integer> allowedCpusOfTwoOrMore() {
        SortedSet<Integer> allowed = CpuPlacement.allowedCpus(ProcessHandle.current().pid());
        assumeThat(allowed.size()).as("CPUs this test may use").isGreaterThanOrEqualTo(2);
        return allowed;
    }

    /** The CPU list of {@code allowed} without {@code cpu}, as the children print theirs. */
    private static String allBut(SortedSet<Integer> allowed, int cpu) {
        SortedSet<Integer> others = new TreeSet<>(allowed);
        others.remove(cpu);
        return CpuPlacement.format(others);
    }

    private static List<String> placedProcess(Path logs, String brokerCpus, String gatewayCpus) {
        ChildJvm.Spec spec = ChildJvm.Spec.mainClass("placed", System.getProperty("java.class.path"),
                PlacedProcessMain.class.getName(), List.of(brokerCpus, gatewayCpus));
        return ChildJvm.run(spec, logs, Duration.ofMinutes(1));
    }

    private static SortedSet<Integer> cpus(Integer... cpus) {
        return new TreeSet<>(Set.of(cpus));
    }
}
