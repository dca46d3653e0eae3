package io.kafkafailover.bench.cpu;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuPressureTest {

    @Test
    void theSomeLinesTotalIsTheTimeWaited() {
        List<String> pressure = List.of(
                "some avg10=7.57 avg60=27.65 avg300=33.67 total=2345738735",
                "full avg10=0.00 avg60=0.00 avg300=0.00 total=0");

        assertThat(CpuPressure.someTotalMicros(pressure)).isEqualTo(2_345_738_735L);
    }

    @Test
    void aFileWithoutASomeLineIsRefused() {
        assertThatThrownBy(() -> CpuPressure.someTotalMicros(List.of("full avg10=0.00 total=0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShareIsTheWaitOverTheElapsedTime() {
        // 15 s waited in 40 s
        assertThat(CpuPressure.shareCell(OptionalLong.of(1_000_000), OptionalLong.of(16_000_000), 40_000_000_000L))
                .isEqualTo("38 %");
    }

    @Test
    void withoutReadingsThereIsNoShare() {
        assertThat(CpuPressure.shareCell(OptionalLong.empty(), OptionalLong.of(5), 1_000)).isEqualTo("n/a");
    }

    @Test
    void thisMachinesReadingDoesNotGoBackwards() {
        OptionalLong first = CpuPressure.waitedMicros();
        OptionalLong second = CpuPressure.waitedMicros();
        if (first.isPresent()) {
            assertThat(second.getAsLong()).isGreaterThanOrEqualTo(first.getAsLong());
        } else {
            assertThat(second).isEmpty();
        }
    }
}
