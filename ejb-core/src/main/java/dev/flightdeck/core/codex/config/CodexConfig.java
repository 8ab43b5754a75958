package dev.flightdeck.core.codex.config;

import dev.flightdeck.core.codex.CodexControl;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Codex's own configuration (contract §1.12), read and written through the control app-server's
 * config methods, so layering, validation and the file format stay Codex's.
 *
 * <p>Versions are the app-server's: the {@code sha256:…} of the file it reports for each layer and
 * for each write. A write naming an {@code expected_version} is checked against the file by Codex and
 * refused with {@code configVersionConflict} (409 config_version_conflict here) when it changed.
 * Flightdeck's writes also go one at a time, so two clients cannot both pass the check.
 */
@ApplicationScoped
public class CodexConfig {
    @Inject
    CodexControl control;

    private final ReentrantLock writes = new ReentrantLock();

    public JsonObject inspect(JsonObject body) {
        ConfigViews.Inspect req = ConfigViews.inspect(body);
        JsonObject read = read(directory(req.cwd()));
        JsonObject config = config(read);
        return Json.createObjectBuilder().add("effective_settings", ConfigViews.effective(config, req))
                .add("origins", ConfigViews.origins(config, object(read, "origins"), req))
                .add("layers", ConfigViews.layers(read)).add("warnings", warnings()).build();
    }

    public JsonObject catalog(String cwd) {
        Path dir = directory(cwd);
        JsonObject config = config(read(dir));
        ConfigViews.Inspect plain = new ConfigViews.Inspect(dir.toString(), "user", "inherit", null, java.util.Map.of());
        return Json.createObjectBuilder().add("cwd", dir.toString())
                .add("effective_settings", ConfigViews.effective(config, plain))
                .add("profiles", ConfigViews.profiles(config)).add("providers", ConfigViews.providers(config))
                .add("warnings", warnings()).build();
    }

    public JsonObject documents(String cwd) {
        Path dir = directory(cwd);
        return Json.createObjectBuilder().add("cwd", dir.toString())
                .addAll(Json.createObjectBuilder(ConfigViews.documents(read(dir)))).add("warnings", warnings()).build();
    }

    public ConfigViews.Written value(JsonObject body) {
        return write(ConfigViews.value(body));
    }

    public ConfigViews.Written batch(JsonObject body) {
        return write(ConfigViews.batch(body));
    }

    private ConfigViews.Written write(ConfigViews.Write w) {
        directory(w.cwd());
        if (w.filePath() != null) {
            dev.flightdeck.core.json.Fields.absolutePath("file_path", w.filePath(), ErrorCode.INVALID_REQUEST);
        }
        writes.lock();
        try {
            return ConfigViews.written(control.call(ConfigViews.writeMethod(w), ConfigViews.writeParams(w)));
        } catch (CodexControl.Refused e) {
            throw ConfigViews.refusal(e.error());
        } finally {
            writes.unlock();
        }
    }

    private JsonObject read(Path cwd) {
        try {
            return control.call("config/read", Json.createObjectBuilder().add("cwd", cwd.toString())
                    .add("includeLayers", true).build());
        } catch (CodexControl.Refused e) {
            throw ErrorCode.INVALID_CODEX_CONFIG.error(e.getMessage());
        }
    }

    private jakarta.json.JsonArray warnings() {
        var b = Json.createArrayBuilder();
        control.warnings().forEach(b::add);
        return b.build();
    }

    private static JsonObject config(JsonObject read) {
        return object(read, "config");
    }

    private static JsonObject object(JsonObject o, String key) {
        return o.get(key) instanceof JsonObject v ? v : JsonValue.EMPTY_JSON_OBJECT;
    }

    static Path directory(String cwd) {
        if (cwd == null || cwd.isBlank()) {
            throw ApiException.invalidField("cwd", "is required (an existing directory, absolute)");
        }
        Path p = dev.flightdeck.core.json.Fields.absolutePath("cwd", cwd, ErrorCode.INVALID_REQUEST);
        if (!Files.isDirectory(p)) {
            throw ApiException.invalidField("cwd", "must be an existing directory (absolute path)");
        }
        return p;
    }
}
