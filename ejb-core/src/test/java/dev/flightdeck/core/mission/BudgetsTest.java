package dev.flightdeck.core.mission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.mission.config.MissionConfig;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BudgetsTest {
    @Test
    void noCapNeverStops() {
        assertThat(Budgets.exceeded(MissionConfig.Budget.unlimited(), new Budgets.Used(1_000_000_000, 1e6, 999))).isEmpty();
        assertThat(Budgets.noSessionLeft(MissionConfig.Budget.unlimited(), 999)).isEmpty();
    }

    @Test
    void eachCapStopsAtItsLimitWithTheReason() {
        MissionConfig.Budget b = new MissionConfig.Budget(1000L, new BigDecimal("2.50"), 3, 0.8);
        assertThat(Budgets.exceeded(b, new Budgets.Used(999, 0, 0))).isEmpty();
        assertThat(Budgets.exceeded(b, new Budgets.Used(1000, 0, 0))).hasValue("budget: 1000 tokens used of 1000");
        assertThat(Budgets.exceeded(b, new Budgets.Used(10, 2.5, 0))).hasValueSatisfying(r -> assertThat(r)
                .contains("$2.5000 used of $2.50"));
        assertThat(Budgets.noSessionLeft(b, 2)).isEmpty();
        assertThat(Budgets.noSessionLeft(b, 3)).hasValue("budget: 3 sessions used of 3");
    }

    @Test
    void theWarningComesAtTheThreshold() {
        MissionConfig.Budget b = new MissionConfig.Budget(1000L, null, null, 0.8);
        assertThat(Budgets.warn(b, new Budgets.Used(799, 0, 0))).isFalse();
        assertThat(Budgets.warn(b, new Budgets.Used(800, 0, 0))).isTrue();
    }
}
