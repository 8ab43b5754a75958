package dev.flightdeck.core.mission;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Fields;
import dev.flightdeck.core.mission.machine.IssueState;
import dev.flightdeck.core.mission.tracker.TrackerKind;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

/** The mission routes' request bodies, parsed at the edge with field-named 400s (contract §1.15). */
public final class MissionRequests {
    static final int MAX_NAME = 1000;
    static final int MAX_TEXT = 10_000;
    static final Set<String> PROVIDERS = dev.flightdeck.core.agent.Provider.WIRES;

    private MissionRequests() {
    }

    public record Create(String name, Path repoRoot, TrackerKind trackerKind, String provider) {
        public static Create parse(JsonObject body) {
            JsonObject b = Fields.required(body);
            String name = text(b, "name", MAX_NAME, true);
            Path root = Fields.absolutePath("repo_root", text(b, "repo_root", 4096, true), ErrorCode.INVALID_REQUEST);
            String kind = Fields.optionalString(b, "tracker_kind");
            TrackerKind tracker = kind == null ? TrackerKind.LINEAR : TrackerKind.fromWire(kind)
                    .orElseThrow(() -> ApiException.invalidField("tracker_kind", "must be linear or github"));
            String provider = Fields.optionalString(b, "provider");
            provider = provider == null ? "claude" : provider;
            if (!PROVIDERS.contains(provider)) {
                throw ApiException.invalidField("provider", "must be claude or codex");
            }
            return new Create(name, root, tracker, provider);
        }
    }

    /**
     * PUT /api/missions/{mid}. {@code missionFilePath} is present (possibly null, which clears it) only
     * when {@code setsFilePath}.
     */
    public record Update(String name, Boolean enabled, Boolean paused, boolean setsFilePath, String missionFilePath) {
        public static Update parse(JsonObject body) {
            JsonObject b = Fields.required(body);
            String name = b.containsKey("name") ? text(b, "name", MAX_NAME, true) : null;
            boolean setsPath = b.containsKey("mission_file_path");
            String path = setsPath ? Fields.optionalString(b, "mission_file_path") : null;
            if (path != null) {
                path = relativeFile("mission_file_path", path);
            }
            return new Update(name, bool(b, "enabled"), bool(b, "paused"), setsPath, path);
        }
    }

    public record Transition(IssueState target, String reason) {
        public static Transition parse(JsonObject body) {
            JsonObject b = Fields.required(body);
            String target = Fields.optionalString(b, "target_state");
            if (target == null) {
                throw ErrorCode.INVALID_STATE.error("target_state: is required");
            }
            IssueState state = IssueState.fromWire(target).orElseThrow(() -> ErrorCode.INVALID_STATE.error(
                    "target_state: " + target + " is not an orchestration state"));
            return new Transition(state, optionalText(b, "reason"));
        }
    }

    public record Dispatch(String issueIdentifier, String provider) {
        public static Dispatch parse(JsonObject body) {
            JsonObject b = Fields.required(body);
            String id = text(b, "issue_identifier", 512, true);
            String provider = Fields.optionalString(b, "provider");
            if (provider != null && !PROVIDERS.contains(provider)) {
                throw ApiException.invalidField("provider", "must be claude or codex");
            }
            return new Dispatch(id, provider);
        }
    }

    /** {@code {pr_url}}: an http(s) URL. */
    public static String prUrl(JsonObject body) {
        return url(Fields.required(body), "pr_url");
    }

    /** {@code {reason}} of …/blocked. */
    public static String reason(JsonObject body) {
        return text(Fields.required(body), "reason", MAX_TEXT, true);
    }

    /** {@code {tracker_state?}} of …/complete; the body may be absent. */
    public static String trackerState(JsonObject body) {
        return body == null ? null : optionalText(body, "tracker_state");
    }

    /** {@code {key}} of a tracker key route. */
    public static String key(JsonObject body) {
        String key = text(Fields.required(body), "key", 4096, true).strip();
        if (key.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
            throw ApiException.invalidField("key", "must be printable ASCII without spaces");
        }
        return key;
    }

    /** {@code {secret}} of the webhook secret route. */
    public static String secret(JsonObject body) {
        String secret = text(Fields.required(body), "secret", 1024, true);
        if (secret.length() < 16) {
            throw ApiException.invalidField("secret", "must be at least 16 characters");
        }
        return secret;
    }

    static String url(JsonObject b, String field) {
        String value = text(b, field, 4096, true);
        try {
            URI u = new URI(value);
            if (("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null) {
                return value;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw ApiException.invalidField(field, "must be an http or https URL");
    }

    /** A file inside the repository, named relative to its root. */
    static String relativeFile(String field, String value) {
        try {
            Path p = Path.of(value).normalize();
            if (!p.isAbsolute() && !p.startsWith("..") && !p.toString().isEmpty() && value.length() <= 1024) {
                return p.toString();
            }
        } catch (java.nio.file.InvalidPathException e) {
            // refused below
        }
        throw ApiException.invalidField(field, "must be a file path relative to the repository root");
    }

    static String text(JsonObject b, String field, int max, boolean required) {
        String v = Fields.optionalString(b, field);
        if (v == null || v.isBlank()) {
            if (required) {
                throw ApiException.invalidField(field, "is required");
            }
            return null;
        }
        if (v.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
        return v;
    }

    static String optionalText(JsonObject b, String field) {
        return text(b, field, MAX_TEXT, false);
    }

    static Boolean bool(JsonObject b, String field) {
        JsonValue v = b.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            throw ApiException.invalidField(field, "must be a boolean");
        }
        return v == JsonValue.TRUE;
    }
}
