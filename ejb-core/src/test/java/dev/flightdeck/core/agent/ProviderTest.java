package dev.flightdeck.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderTest {
    @Test
    void theWireNamesAreTheContracts() {
        assertThat(Provider.wires()).containsExactly("claude", "codex");
        assertThat(Provider.fromWire("codex")).contains(Provider.CODEX);
        assertThat(Provider.fromWire("Claude")).isEmpty();
        assertThat(Provider.WIRES).containsExactlyInAnyOrder("claude", "codex");
    }
}
