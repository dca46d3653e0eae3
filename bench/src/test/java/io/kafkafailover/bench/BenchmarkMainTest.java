package io.kafkafailover.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkMainTest {

    @Test
    void helpGivesEachModesRoundsAsItsSettingsHaveThem() {
        assertThat(BenchmarkMain.USAGE).contains("(default: " + BenchSettings.full().rounds() + " full, "
                + BenchSettings.quick().rounds() + " quick, " + BenchSettings.smoke().rounds() + " smoke)");
        assertThat(BenchSettings.full().rounds()).isGreaterThan(BenchSettings.quick().rounds());
    }
}
