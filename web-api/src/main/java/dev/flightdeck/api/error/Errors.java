package dev.flightdeck.api.error;

import dev.flightdeck.core.error.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds envelope responses; the only place a failure becomes HTTP. */
public final class Errors {
    private static final Map<Integer, ErrorCode> CODES = Map.of(
            400, ErrorCode.INVALID_REQUEST,
            401, ErrorCode.UNAUTHORIZED,
            403, ErrorCode.FORBIDDEN,
            404, ErrorCode.NOT_FOUND,
            405, ErrorCode.METHOD_NOT_ALLOWED,
            406, ErrorCode.NOT_ACCEPTABLE,
            413, ErrorCode.PAYLOAD_TOO_LARGE,
            415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
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
        ErrorCode known = CODES.get(status);
        return new ErrorBody(known != null ? known.code() : status >= 500 ? ErrorCode.INTERNAL_ERROR.code() : "http_" + status,
                MESSAGES.getOrDefault(status, status >= 500 ? "internal server error" : "request failed"));
    }
}
