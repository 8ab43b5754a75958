package dev.flightdeck.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TerminalRulesTest {
    static final TerminalRules.Limits LIMITS = new TerminalRules.Limits(2, 1000, 60_000);

    @Test
    void theLimitCountsTheOwnersOpenTerminals() {
        TerminalRules.admit(0, LIMITS, "s1");
        TerminalRules.admit(1, LIMITS, "s1");
        assertThatThrownBy(() -> TerminalRules.admit(2, LIMITS, "s1")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.code()).isEqualTo("terminal_limit_reached");
            assertThat(e.getMessage()).contains("session s1 already has 2 terminals")
                    .contains("FLIGHTDECK_TERMINAL_MAX_PER_SESSION (2)");
        });
        assertThatThrownBy(() -> TerminalRules.admit(2, LIMITS, null)).hasMessageContaining("this connection");
    }

    @Test
    void terminalsWithoutASessionCountPerConnection() {
        assertThat(TerminalRules.owner("s1", "c1")).isEqualTo(TerminalRules.owner("s1", "c2"));
        assertThat(TerminalRules.owner(null, "c1")).isNotEqualTo(TerminalRules.owner(null, "c2"));
        assertThat(TerminalRules.owner(null, "s1")).isNotEqualTo(TerminalRules.owner("s1", null));
    }

    @Test
    void sizesMustBeAScreen() {
        assertThat(TerminalRules.dimension("cols", 80)).isEqualTo(80);
        assertThatThrownBy(() -> TerminalRules.dimension("cols", 0)).hasMessageContaining("cols: must be between 1 and 1000");
        assertThatThrownBy(() -> TerminalRules.dimension("rows", 1001)).hasMessageContaining("rows");
        assertThatThrownBy(() -> TerminalRules.dimension("rows", null)).hasMessageContaining("rows: is required");
    }

    @Test
    void idsMustFitTheFrame() {
        assertThat(TerminalRules.terminalId("t-1")).isEqualTo("t-1");
        assertThatThrownBy(() -> TerminalRules.terminalId(" ")).hasMessageContaining("terminal_id: is required");
        assertThatThrownBy(() -> TerminalRules.terminalId("x".repeat(256))).hasMessageContaining("255 bytes");
    }

    @Test
    void onlyLoginShellsMayReplaceTheConfiguredOne() {
        Set<String> shells = TerminalRules.loginShells(List.of("# /etc/shells", "/bin/sh", " /usr/bin/bash ", "", "zsh"));
        assertThat(shells).containsExactlyInAnyOrder("/bin/sh", "/usr/bin/bash");
        assertThat(TerminalRules.shell(null, "/bin/bash", shells)).isEqualTo("/bin/bash");
        assertThat(TerminalRules.shell("/bin/bash", "/bin/bash", Set.of())).isEqualTo("/bin/bash");
        assertThat(TerminalRules.shell("/bin/sh", "/bin/bash", shells)).isEqualTo("/bin/sh");
        assertThatThrownBy(() -> TerminalRules.shell("/usr/bin/python3", "/bin/bash", shells))
                .hasMessageContaining("shell: must be one of the login shells");
        assertThatThrownBy(() -> TerminalRules.shell("sh", "/bin/bash", Set.of("sh"))).hasMessageContaining("shell");
    }

    @Test
    void idleIsNoTrafficForTheTimeout() {
        assertThat(TerminalRules.idle(59_999, 0, 60_000)).isFalse();
        assertThat(TerminalRules.idle(60_000, 0, 60_000)).isTrue();
        assertThat(TerminalRules.idle(Long.MAX_VALUE, 0, 0)).isFalse();
    }

    @Test
    void theSessionIdIsReadAfterTheCommandName() {
        assertThat(TerminalRules.sessionOf("4242 (bash) S 1 4242 4242 34816 4242 4194560 ...")).isEqualTo(4242);
        assertThat(TerminalRules.sessionOf("77 (a) b (c)) R 10 77 55 0 -1")).isEqualTo(55);
        assertThat(TerminalRules.sessionOf("garbage")).isEqualTo(-1);
        assertThat(TerminalRules.sessionOf("1 (x) S")).isEqualTo(-1);
    }
}
