package dev.flightdeck.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import org.junit.jupiter.api.Test;

class UsageRangeTest {
    @Test
    void unixParametersAreWholeSecondsInRange() {
        assertThat(UsageRange.unix("start_unix", null)).isNull();
        assertThat(UsageRange.unix("start_unix", "")).isNull();
        assertThat(UsageRange.unix("start_unix", "1700000000")).isEqualTo(1_700_000_000L);
        assertThat(UsageRange.unix("start_unix", "0")).isZero();
        for (String bad : new String[] {"-1", "1.5", "noon", "253402300800", "99999999999999999999"}) {
            assertThatThrownBy(() -> UsageRange.unix("start_unix", bad)).as(bad).isInstanceOf(ApiException.class)
                    .hasMessageContaining("start_unix");
        }
    }

    @Test
    void aRangeStartsBeforeItEndsAndIsHalfOpenInMillis() {
        UsageRange.Millis m = UsageRange.between("start_unix", 10L, "end_unix", 20L);
        assertThat(m.from()).isEqualTo(10_000L);
        assertThat(m.to()).isEqualTo(20_000L);
        assertThat(UsageRange.between("start_unix", null, "end_unix", 20L).from()).isNull();
        assertThatThrownBy(() -> UsageRange.between("start_unix", 20L, "end_unix", 20L))
                .isInstanceOf(ApiException.class).hasMessageContaining("start_unix: must be before end_unix");
        assertThatThrownBy(() -> UsageRange.between("start_unix", 21L, "end_unix", 20L)).isInstanceOf(ApiException.class);
    }

    @Test
    void daysFollowTheCallersMidnight() {
        long midnightInTokyo = 1_764_601_200L; // 2025-12-01T15:00:00Z, 00:00 in UTC+9
        assertThat(UsageRange.dayStart(midnightInTokyo, midnightInTokyo)).isEqualTo(midnightInTokyo);
        assertThat(UsageRange.dayStart(midnightInTokyo, midnightInTokyo + 86_399)).isEqualTo(midnightInTokyo);
        assertThat(UsageRange.dayStart(midnightInTokyo, midnightInTokyo + 86_400)).isEqualTo(midnightInTokyo + 86_400);
        // Before the anchor, days floor rather than round toward it.
        assertThat(UsageRange.dayStart(midnightInTokyo, midnightInTokyo - 1)).isEqualTo(midnightInTokyo - 86_400);
        assertThat(UsageRange.day(midnightInTokyo).to() - UsageRange.day(midnightInTokyo).from()).isEqualTo(86_400_000L);
        assertThat(UsageRange.utcDayStart(1_764_601_200_123L)).isEqualTo(1_764_547_200L);
    }

    @Test
    void theOverviewDefaultsToThirtyDaysEndingWithTodayAndRefusesMoreThanFourHundred() {
        long today = 1_764_547_200L;
        UsageRange.Millis d = UsageRange.overviewDays(today, null, null);
        assertThat(d.to()).isEqualTo((today + 86_400) * 1000);
        assertThat(d.to() - d.from()).isEqualTo(30 * 86_400_000L);
        assertThat(UsageRange.overviewDays(today, 100L, 200L).from()).isEqualTo(100_000L);
        assertThatThrownBy(() -> UsageRange.overviewDays(today, 0L, 401 * 86_400L)).isInstanceOf(ApiException.class)
                .hasMessageContaining("400 days");
        assertThatThrownBy(() -> UsageRange.overviewDays(today, 300L, 200L)).isInstanceOf(ApiException.class);
    }
}
