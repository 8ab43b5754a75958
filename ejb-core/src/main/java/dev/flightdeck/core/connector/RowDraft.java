package dev.flightdeck.core.connector;

import jakarta.json.JsonObject;

/**
 * A conversation row as a connector decided it, before the runtime gives it a sequence and turn.
 * Upserting a draft with an existing {@code rowId} replaces that row in place.
 *
 * @param row     the typed row (contract §3) without session-level fields
 * @param content raw input and output for rows/{id}/content; null when the row has none
 */
public record RowDraft(String rowId, String rowType, String family, String status, String kind, Long durationMs,
                       String searchText, JsonObject row, JsonObject content) {
}
