package dev.flightdeck.core.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/** The single JSON-B configuration for the wire: records in, snake_case out, nulls omitted. */
public final class Json {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    private Json() {
    }

    public static Jsonb jsonb() {
        return JSONB;
    }

    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }
}
