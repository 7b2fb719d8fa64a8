package dev.seedkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.CloneStrategy.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloneStrategyTests {

    @Test
    void takesTurnsForTheTrialsThenKeepsTheMethodWithTheBestTime() {
        CloneStrategy strategy = new CloneStrategy("seedkit_tpl_test");
        long[] millis = {90, 40, 60, 30, 45, 50};   // WAL_LOG 90, FILE_COPY 40, FILE_CLONE 60, then 30, 45, 50
        for (long ms : millis) {
            Method next = strategy.next(18);
            assertThat(strategy.chosen()).isNull();
            strategy.record(next, ms * 1_000_000, 18);
        }

        assertThat(strategy.chosen()).isEqualTo(Method.WAL_LOG);
        assertThat(strategy.next(18)).isEqualTo(Method.WAL_LOG);
    }

    @Test
    void trialsStartWithTheDefaultAndTakeTurnsAmongWhatTheServerHas() {
        CloneStrategy strategy = new CloneStrategy("seedkit_tpl_test");
        List<Method> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Method next = strategy.next(15);
            order.add(next);
            strategy.record(next, 1, 15);
        }

        assertThat(order).containsExactly(Method.WAL_LOG, Method.FILE_COPY, Method.WAL_LOG, Method.FILE_COPY);
        assertThat(strategy.chosen()).as("PostgreSQL 15 cannot clone files, so two methods decide")
                .isIn(Method.WAL_LOG, Method.FILE_COPY);
    }

    @Test
    void aMethodTheServerRefusesLeavesTheTrials() {
        CloneStrategy strategy = new CloneStrategy("seedkit_tpl_test");
        strategy.refused(Method.FILE_CLONE, "file cloning not supported on this platform");
        for (int i = 0; i < 4; i++) {
            Method next = strategy.next(18);
            assertThat(next).isNotEqualTo(Method.FILE_CLONE);
            strategy.record(next, next == Method.FILE_COPY ? 1 : 2, 18);
        }
        assertThat(strategy.chosen()).isEqualTo(Method.FILE_COPY);
    }

    @Test
    void onPostgres18FileCopySaysWhichFileCopyMethodAndOlderServersAreToldNone() {
        assertThat(Method.FILE_COPY.fileCopyMethod(18)).isEqualTo("copy");
        assertThat(Method.FILE_CLONE.fileCopyMethod(18)).isEqualTo("clone");
        assertThat(Method.FILE_COPY.fileCopyMethod(17)).isNull();
        assertThat(Method.WAL_LOG.fileCopyMethod(18)).isNull();
    }

    @Test
    void namesNoMethodBeforePostgres15() {
        CloneStrategy strategy = new CloneStrategy("seedkit_tpl_test");
        for (int i = 0; i < 6; i++) {
            assertThat(strategy.next(14)).isNull();
            strategy.record(null, 1, 14);
        }
        assertThat(strategy.chosen()).isNull();
    }
}
