package dev.flightdeck.core.permission;

import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionWire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A session's permission rules (contract §1.9). For Claude they are its settings files: the user's
 * settings for every project, and the project's shared and local settings. A change is written to one
 * file atomically (a temporary file renamed over it), keeping every other key. For Codex they are its
 * approval and sandbox policy, which the session's config changes; Codex has no pattern rules.
 *
 * <p>No database lock is held while files are read or written: the session is read first, the
 * event is logged after.
 */
@ApplicationScoped
public class PermissionRules {
    private static final Logger LOG = Logger.getLogger(PermissionRules.class.getName());
    static final String LOCAL = "settings.local.json";
    static final String SHARED = "settings.json";
    /** One writer per file in this server, so two changes at once cannot lose one of them. */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    @Inject
    SessionService sessions;

    @Inject
    PermissionRulesEvents events;

    public JsonObject get(String sessionId) {
        SessionWire.SessionState s = sessions.detail(sessionId).session();
        return Json.createObjectBuilder().add("session_id", sessionId).add("rules", rules(s)).build();
    }

    public JsonObject add(String sessionId, ClaudeRules.Change change) {
        return change(sessionId, change, true);
    }

    public JsonObject remove(String sessionId, ClaudeRules.Change change) {
        return change(sessionId, change, false);
    }

    private JsonObject change(String sessionId, ClaudeRules.Change change, boolean add) {
        SessionWire.SessionState s = sessions.detail(sessionId).session();
        if (!"claude".equals(s.provider())) {
            throw ErrorCode.UNSUPPORTED_CONTROL.error("Codex has no pattern rules; change its approval_policy or "
                    + "sandbox_mode with the session's config instead");
        }
        Path file = change.scope() == ClaudeRules.Scope.GLOBAL ? globalDir().resolve(SHARED)
                : Path.of(s.projectPath()).resolve(".claude").resolve(LOCAL);
        synchronized (LOCKS.computeIfAbsent(file, f -> new Object())) {
            JsonObject before = read(file);
            JsonObject after = add ? ClaudeRules.withRule(before, change.pattern(), change.behavior())
                    : ClaudeRules.withoutRule(before, change.pattern(), change.behavior());
            if (!after.equals(before)) {
                write(file, after);
            }
        }
        // The session read above is still current: a settings file is not part of its state.
        events.changed(sessionId, rules(s));
        return Json.createObjectBuilder().add("ok", true).build();
    }

    /** The rules as the contract tags them by provider. */
    JsonObject rules(SessionWire.SessionState s) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("provider", s.provider());
        if (!"claude".equals(s.provider())) {
            put(b, "approval_policy", s.approvalPolicy());
            if (s.approvalPolicyDetails() != null) {
                b.add("approval_policy_details", s.approvalPolicyDetails());
            }
            put(b, "sandbox_mode", s.sandboxMode());
            return b.build();
        }
        put(b, "permission_mode", s.permissionMode());
        // Claude's order of precedence, lowest first; a pattern keeps the behavior of the last file naming it.
        Path project = Path.of(s.projectPath()).resolve(".claude");
        Map<String, String> byPattern = new java.util.LinkedHashMap<>();
        LinkedHashSet<String> directories = new LinkedHashSet<>();
        for (Path file : List.of(globalDir().resolve(SHARED), project.resolve(SHARED), project.resolve(LOCAL))) {
            JsonObject settings = readQuietly(file);
            for (ClaudeRules.Rule r : ClaudeRules.rules(settings)) {
                byPattern.remove(r.pattern());
                byPattern.put(r.pattern(), r.behavior());
            }
            directories.addAll(ClaudeRules.additionalDirectories(settings));
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        byPattern.forEach((pattern, behavior) -> list.add(Json.createObjectBuilder().add("pattern", pattern)
                .add("behavior", behavior)));
        b.add("rules", list);
        if (!directories.isEmpty()) {
            b.add("additional_directories", Json.createArrayBuilder(new ArrayList<>(directories)));
        }
        return b.build();
    }

    /** Where the Claude that Flightdeck launches reads its user settings: CLAUDE_CONFIG_DIR, else ~/.claude. */
    static Path globalDir() {
        String dir = System.getenv("CLAUDE_CONFIG_DIR");
        return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".claude");
    }

    private static JsonObject read(Path file) {
        if (!Files.exists(file)) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader r = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            JsonValue v = r.readValue();
            if (v instanceof JsonObject o) {
                return o;
            }
        } catch (JsonException e) {
            // Falls through: a file that is not a JSON object is never overwritten.
        } catch (IOException e) {
            throw ErrorCode.WRITE_ERROR.error("could not read the settings file " + file.getFileName());
        }
        throw ErrorCode.INVALID_SETTINGS_FILE.error("the settings file " + file + " is not a JSON object; fix it by hand");
    }

    private static JsonObject readQuietly(Path file) {
        try {
            return read(file);
        } catch (RuntimeException e) {
            LOG.info(() -> "permission rules: " + file + " was skipped (" + e.getMessage() + ")");
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static void write(Path file, JsonObject settings) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, pretty(settings), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw ErrorCode.WRITE_ERROR.error("could not write the settings file " + file.getFileName());
        }
    }

    private static String pretty(JsonObject o) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (var w = Json.createWriterFactory(Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            w.write(o);
        }
        return out.toString().strip() + "\n";
    }

    private static void put(JsonObjectBuilder b, String field, String value) {
        if (value != null) {
            b.add(field, value);
        }
    }
}
