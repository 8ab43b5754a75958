package dev.flightdeck.api.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The error envelope every failing route returns. */
@Schema(name = "Error", description = "Every error, from every layer")
public record ErrorBody(
        @Schema(description = "Stable machine-readable code, e.g. not_found, invalid_request") String code,
        @Schema(description = "Human-readable message; names the field on validation failures") String error) {
}
