package dev.flightdeck.core.capability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class PluginsTest {
    @Test
    void codexsListGainsTheContractsRemoteSyncErrorAndKeepsItsOwnFields() {
        JsonObject r = Plugins.withRemoteSyncError(Json.createObjectBuilder()
                .add("marketplaces", Json.createArrayBuilder()).add("marketplaceLoadErrors", Json.createArrayBuilder()).build());
        assertThat(r.isNull("remoteSyncError")).isTrue();
        assertThat(r.containsKey("marketplaceLoadErrors")).isTrue();
        JsonObject own = Json.createObjectBuilder().add("remoteSyncError", "offline").build();
        assertThat(Plugins.withRemoteSyncError(own).getString("remoteSyncError")).isEqualTo("offline");
    }
}
