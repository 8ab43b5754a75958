package dev.flightdeck.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SyncBatchTest {
    static final String WS = "ws-1";

    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    static List<SyncBatch.Entry> batch(long... sequences) {
        String commands = LongStream.of(sequences).mapToObj(n -> "{\"sequence\":" + n + ",\"workspace_id\":\"" + WS
                + "\",\"timestamp\":\"2026-12-02T05:00:00Z\",\"command\":{\"type\":\"heartbeat\"}}").collect(Collectors.joining(","));
        return SyncBatch.parse(json("{\"commands\":[" + commands + "]}"), WS);
    }

    static List<Long> seqs(List<SyncBatch.Entry> entries) {
        return entries.stream().map(SyncBatch.Entry::sequence).toList();
    }

    static String code(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.code();
        }
        return null;
    }

    @Test
    void aBatchThatGoesOnFromTheAckIsAppliedWhole() {
        SyncBatch.Plan p = SyncBatch.plan(0, batch(1, 2, 3));
        assertThat(seqs(p.fresh())).containsExactly(1L, 2L, 3L);
        assertThat(p.replayed()).isEmpty();
        assertThat(p.ackedThrough()).isEqualTo(3);
        assertThat(SyncBatch.plan(3, batch(4)).ackedThrough()).isEqualTo(4);
    }

    @Test
    void aReplayedBatchAppliesNothingAndAnOverlappingOneOnlyItsNewTail() {
        SyncBatch.Plan whole = SyncBatch.plan(3, batch(1, 2, 3));
        assertThat(whole.fresh()).isEmpty();
        assertThat(seqs(whole.replayed())).containsExactly(1L, 2L, 3L);
        assertThat(whole.ackedThrough()).isEqualTo(3);
        SyncBatch.Plan overlap = SyncBatch.plan(3, batch(2, 3, 4, 5));
        assertThat(seqs(overlap.replayed())).containsExactly(2L, 3L);
        assertThat(seqs(overlap.fresh())).containsExactly(4L, 5L);
        assertThat(overlap.ackedThrough()).isEqualTo(5);
    }

    @Test
    void aGapOrAHoleInsideTheBatchIsASequenceConflict() {
        assertThat(code(() -> SyncBatch.plan(0, batch(2, 3)))).isEqualTo(ErrorCode.SYNC_SEQUENCE_CONFLICT.code());
        assertThat(code(() -> SyncBatch.plan(5, batch(7)))).isEqualTo(ErrorCode.SYNC_SEQUENCE_CONFLICT.code());
        assertThat(code(() -> SyncBatch.plan(0, batch(1, 3)))).isEqualTo(ErrorCode.SYNC_SEQUENCE_CONFLICT.code());
        assertThat(code(() -> SyncBatch.plan(0, batch(1, 1)))).isEqualTo(ErrorCode.SYNC_SEQUENCE_CONFLICT.code());
        assertThat(code(() -> SyncBatch.plan(3, batch(3, 2)))).isEqualTo(ErrorCode.SYNC_SEQUENCE_CONFLICT.code());
        assertThatThrownBy(() -> SyncBatch.plan(5, batch(7))).hasMessageContaining("expected sequence 6");
    }

    @Test
    void anEmptyBatchAcksWhatWasAcked() {
        SyncBatch.Plan p = SyncBatch.plan(9, SyncBatch.parse(json("{\"commands\":[]}"), WS));
        assertThat(p.ackedThrough()).isEqualTo(9);
        assertThat(p.fresh()).isEmpty();
    }

    @Test
    void malformedEntriesNameTheirPlace() {
        assertThatThrownBy(() -> SyncBatch.parse(json("{}"), WS)).hasMessageStartingWith("commands:");
        assertThatThrownBy(() -> SyncBatch.parse(json("{\"commands\":[{\"sequence\":0,\"workspace_id\":\"ws-1\",\"command\":{}}]}"), WS))
                .hasMessageStartingWith("commands[0].sequence:");
        assertThatThrownBy(() -> SyncBatch.parse(json("{\"commands\":[{\"sequence\":1.5,\"workspace_id\":\"ws-1\",\"command\":{}}]}"), WS))
                .hasMessageStartingWith("commands[0].sequence:");
        assertThatThrownBy(() -> SyncBatch.parse(json("{\"commands\":[{\"sequence\":1,\"workspace_id\":\"ws-2\",\"command\":{}}]}"), WS))
                .hasMessageStartingWith("commands[0].workspace_id:");
        assertThatThrownBy(() -> SyncBatch.parse(json("{\"commands\":[{\"sequence\":1,\"workspace_id\":\"ws-1\",\"command\":[]}]}"), WS))
                .hasMessageStartingWith("commands[0].command:");
        assertThatThrownBy(() -> SyncBatch.parse(json("{\"commands\":[{\"sequence\":1,\"workspace_id\":\"ws-1\",\"timestamp\":true,\"command\":{}}]}"), WS))
                .hasMessageStartingWith("commands[0].timestamp:");
        String many = LongStream.rangeClosed(1, SyncBatch.MAX_COMMANDS + 1).mapToObj(n -> "{}").collect(Collectors.joining(","));
        assertThatThrownBy(() -> SyncBatch.parse(json("{\"commands\":[" + many + "]}"), WS)).hasMessageStartingWith("commands:");
    }

    @Test
    void aCommandsTagIsItsTypeOrItsOneKey() {
        assertThat(SyncBatch.typeOf(json("{\"type\":\"heartbeat\",\"x\":1}"))).isEqualTo("heartbeat");
        assertThat(SyncBatch.typeOf(json("{\"session_upsert\":{\"id\":\"a\"}}"))).isEqualTo("session_upsert");
        assertThat(SyncBatch.typeOf(json("{\"a\":1,\"b\":2}"))).isEqualTo("unknown");
    }
}
