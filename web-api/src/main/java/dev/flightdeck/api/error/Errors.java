package dev.flightdeck.api.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds envelope responses; the only place a failure becomes HTTP. */
public final class Errors {
    private static final Map<Integer, String> CODES = Map.of(
            400, "invalid_request",
            401, "unauthorized",
            403, "forbidden",
            404, "not_found",
            405, "method_not_allowed",
            406, "not_acceptable",
            413, "payload_too_large",
            415, "unsupported_media_type");
    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "the request is malformed",
            401, "a valid bearer token is required",
            403, "this token may not use this route",
            404, "no such route or resource",
            405, "this route does not accept that method",
            406, "this route cannot produce the requested media type",
            413, "the request body exceeds 16 MiB",
            415, "this route does not accept that content type");

    private Errors() {
    }

    public static Response response(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(code, message)).build();
    }

    /** For a status raised by the framework: a fixed code and message, never the exception's text. */
    public static Response forStatus(int status) {
        ErrorBody body = body(status);
        return response(status, body.code(), body.error());
    }

    public static ErrorBody body(int status) {
        return new ErrorBody(CODES.getOrDefault(status, status >= 500 ? "internal_error" : "http_" + status),
                MESSAGES.getOrDefault(status, status >= 500 ? "internal server error" : "request failed"));
    }
}
