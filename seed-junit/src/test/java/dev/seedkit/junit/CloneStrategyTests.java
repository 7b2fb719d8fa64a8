package dev.seedkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloneStrategyTests {

    @Test
    void alternatesForTheTrialsThenKeepsTheKindWithTheBetterBestTime() {
        CloneStrategy strategy = new CloneStrategy("seedkit_tpl_test");
        long[] millis = {90, 40, 30, 45};   // WAL_LOG 90, FILE_COPY 40, WAL_LOG 30, FILE_COPY 45
        for (long ms : millis) {
            String next = strategy.next(18);
            assertThat(strategy.chosen()).isNull();
            strategy.record(next, ms * 1_000_000);
        }

        assertThat(strategy.chosen()).isEqualTo(CloneStrategy.WAL_LOG);
        assertThat(strategy.next(18)).isEqualTo(CloneStrategy.WAL_LOG);
    }

    @Test
    void trialsStartWithTheDefaultAndAlternate() {
        CloneStrategy strategy = new CloneStrategy("seedkit_tpl_test");

        String first = strategy.next(15);
        strategy.record(first, 1);
        String second = strategy.next(15);

        assertThat(first).isEqualTo(CloneStrategy.WAL_LOG);
        assertThat(second).isEqualTo(CloneStrategy.FILE_COPY);
    }

    @Test
    void namesNoStrategyBeforePostgres15() {
        CloneStrategy strategy = new CloneStrategy("seedkit_tpl_test");
        for (int i = 0; i < 6; i++) {
            assertThat(strategy.next(14)).isNull();
            strategy.record(null, 1);
        }
        assertThat(strategy.chosen()).isNull();
    }
}
