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
        assertThat(Budgets.warning(b, new Budgets.Used(799, 0, 0))).isEmpty();
        assertThat(Budgets.warning(b, new Budgets.Used(800, 0, 0)))
                .hasValue("budget: 800 of 1000 tokens used (warning at 80%)");
    }

    @Test
    void everyCapWarnsAndNoCapNeverDoes() {
        MissionConfig.Budget b = new MissionConfig.Budget(null, new java.math.BigDecimal("2.00"), 4, 0.5);
        assertThat(Budgets.warning(b, new Budgets.Used(1_000_000, 0.99, 1))).isEmpty();
        assertThat(Budgets.warning(b, new Budgets.Used(0, 1.0, 0))).hasValue("budget: $1.0000 of $2.00 used (warning at 50%)");
        assertThat(Budgets.warning(b, new Budgets.Used(0, 0, 2))).hasValue("budget: 2 of 4 sessions used (warning at 50%)");
        assertThat(Budgets.warning(MissionConfig.Budget.unlimited(), new Budgets.Used(Long.MAX_VALUE / 2, 1e9, 1000))).isEmpty();
    }
}
