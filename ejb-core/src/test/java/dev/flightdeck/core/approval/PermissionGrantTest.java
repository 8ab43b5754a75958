package dev.flightdeck.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PermissionGrantTest {
    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void withoutPermissionsTheRequestGetsWhatItAskedForTheTurnOrTheSession() {
        PermissionGrant turn = PermissionGrant.parse(json("{}"));
        assertThat(turn.decision().decision()).isEqualTo("approved");
        assertThat(turn.decision().updatedInput()).isNull();
        assertThat(PermissionGrant.parse(json("{\"scope\":\"session\"}")).decision().decision()).isEqualTo("approved_for_session");
        assertThat(PermissionGrant.parse(null).scope()).isEqualTo("turn");
    }

    @Test
    void grantedPermissionsTravelToTheAgent() {
        PermissionGrant g = PermissionGrant.parse(json("{\"permissions\":{\"network\":{\"enabled\":false},\"fileSystem\":null}}"));
        assertThat(g.decision().updatedInput().getJsonObject("permissions"))
                .isEqualTo(json("{\"network\":{\"enabled\":false},\"fileSystem\":null}"));
    }

    @Test
    void badResponsesNameTheirField() {
        for (String[] bad : new String[][] {{"{\"scope\":\"forever\"}", "scope"}, {"{\"scope\":3}", "scope"},
                {"{\"permissions\":[]}", "permissions"}, {"{\"permissions\":{\"shell\":{}}}", "permissions.shell"},
                {"{\"permissions\":{\"network\":true}}", "permissions.network"}}) {
            assertThatThrownBy(() -> PermissionGrant.parse(json(bad[0])))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                    .hasMessageStartingWith(bad[1]);
        }
    }
}
