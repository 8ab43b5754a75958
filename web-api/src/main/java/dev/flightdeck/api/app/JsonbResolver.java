package dev.flightdeck.api.app;

import dev.flightdeck.core.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Makes JAX-RS use the one wire JSON-B configuration (snake_case records). */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {
    @Override
    public Jsonb getContext(Class<?> type) {
        return Json.jsonb();
    }
}
