package dev.flightdeck.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputThrottleTest {
    @Test
    void aSecondsWorthPassesThenTheReaderWaitsForTheRate() {
        OutputThrottle t = new OutputThrottle(1000, 0);
        assertThat(t.pauseAfter(600, 0)).isZero();
        assertThat(t.pauseAfter(400, 0)).isZero();
        // 500 bytes over: half a second at 1000 bytes/s.
        assertThat(t.pauseAfter(500, 0)).isEqualTo(500);
        // After that half second the debt is paid; the next 100 bytes are over again by 100.
        assertThat(t.pauseAfter(100, 500)).isEqualTo(100);
    }

    @Test
    void tokensRefillWithTimeButNeverBeyondOneSecond() {
        OutputThrottle t = new OutputThrottle(1000, 0);
        assertThat(t.pauseAfter(1000, 0)).isZero();
        assertThat(t.pauseAfter(1000, 10_000)).isZero();
        assertThat(t.pauseAfter(1, 10_000)).isEqualTo(1);
    }

    @Test
    void zeroMeansUnlimited() {
        OutputThrottle t = new OutputThrottle(0, 0);
        assertThat(t.pauseAfter(Integer.MAX_VALUE, 0)).isZero();
    }
}
