package dev.flightdeck.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SyncCommandsTest {
    static final String MINE = "od-mine";

    static JsonObject json(String text) {
        try (var r = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return r.readObject();
        }
    }

    static SyncCommands.Action decide(String command) {
        JsonObject c = json(command);
        return SyncCommands.decide(SyncBatch.typeOf(c), c, MINE);
    }

    @Test
    void theWorkspacesSessionIsRenamedSummarizedAndEnded() {
        assertThat(decide("{'SetCustomName':{'session_id':'od-mine','custom_name':'Remote work'}}"))
                .isEqualTo(new SyncCommands.Action.Rename("Remote work"));
        assertThat(decide("{'SetCustomName':{'session_id':'od-mine','custom_name':null}}"))
                .as("a null name clears it").isEqualTo(new SyncCommands.Action.Rename(null));
        assertThat(decide("{'SetSummary':{'session_id':'od-mine','summary':'Fixed the parser'}}"))
                .isEqualTo(new SyncCommands.Action.Summary("Fixed the parser"));
        assertThat(decide("{'SessionEnd':{'id':'od-mine','reason':'completed'}}"))
                .isEqualTo(new SyncCommands.Action.End("completed"));
    }

    @Test
    void aRowIsUpsertedByItsIdWithItsOwnFields() {
        SyncCommands.Action a = decide("{'RowAppend':{'session_id':'od-mine','sequence':4,'viewer_present':false,"
                + "'entry':{'session_id':'od-mine','sequence':4,'row':{'id':'r-9','row_type':'assistant',"
                + "'content':'Remote Hello','duration_ms':12}}}}");
        assertThat(a).isInstanceOfSatisfying(SyncCommands.Action.Row.class, r -> {
            assertThat(r.row().rowId()).isEqualTo("r-9");
            assertThat(r.row().rowType()).isEqualTo("assistant");
            assertThat(r.row().durationMs()).isEqualTo(12L);
            assertThat(r.row().searchText()).isEqualTo("remote hello");
            assertThat(r.row().row().getString("content")).isEqualTo("Remote Hello");
        });
        assertThat(decide("{'RowUpsert':{'session_id':'od-mine','entry':{'row':{'id':'r-9','row_type':'tool'}}}}"))
                .isInstanceOf(SyncCommands.Action.Row.class);
    }

    @Test
    void anotherSessionOrAWorkspaceWithoutOneIsRefused() {
        assertThat(decide("{'SetSummary':{'session_id':'od-other','summary':'x'}}"))
                .isInstanceOfSatisfying(SyncCommands.Action.Refuse.class,
                        r -> assertThat(r.why()).contains("od-other", "not the workspace's"));
        JsonObject c = json("{'SetSummary':{'session_id':'od-mine','summary':'x'}}");
        assertThat(SyncCommands.decide("SetSummary", c, null)).isInstanceOf(SyncCommands.Action.Refuse.class);
        assertThat(decide("{'SessionEnd':{'reason':'x'}}")).isInstanceOf(SyncCommands.Action.Refuse.class);
    }

    @Test
    void malformedCommandsAreRefusedNotThrown() {
        assertThat(decide("{'SetSummary':{'session_id':'od-mine','summary':7}}")).isInstanceOf(SyncCommands.Action.Refuse.class);
        assertThat(decide("{'RowAppend':{'session_id':'od-mine','entry':{}}}")).isInstanceOf(SyncCommands.Action.Refuse.class);
        assertThat(decide("{'RowAppend':{'session_id':'od-mine','entry':{'row':{'row_type':'user'}}}}"))
                .isInstanceOf(SyncCommands.Action.Refuse.class);
        assertThat(decide("{'RowAppend':{'session_id':'od-mine','entry':{'row':{'id':'" + "x".repeat(201)
                + "','row_type':'user'}}}}")).isInstanceOf(SyncCommands.Action.Refuse.class);
        assertThat(decide("{'SetSummary':'not an object'}")).isInstanceOf(SyncCommands.Action.Refuse.class);
    }

    @Test
    void commandsWithNoCounterpartAreRecordedOnly() {
        assertThat(decide("{'UpsertRolloutCheckpoint':{'path':'/x','offset':3}}"))
                .isEqualTo(new SyncCommands.Action.Record("UpsertRolloutCheckpoint has no Flightdeck counterpart"));
        assertThat(decide("{'type':'row_appended','row':1}")).isInstanceOf(SyncCommands.Action.Record.class);
    }
}
