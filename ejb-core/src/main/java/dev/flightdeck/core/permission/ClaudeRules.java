package dev.flightdeck.core.permission;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.json.Fields;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Claude Code's permission rules as its settings files hold them ({@code permissions.allow|deny|ask},
 * lists of patterns such as {@code Bash(npm test:*)}), read and changed without touching any other key
 * of the file. Pure.
 */
public final class ClaudeRules {
    public static final List<String> BEHAVIORS = List.of("allow", "deny", "ask");
    static final int MAX_PATTERN = 500;

    private ClaudeRules() {
    }

    public record Rule(String pattern, String behavior) {
    }

    /** A POST or DELETE body: {@code {pattern, behavior, scope?}}, checked. */
    public record Change(String pattern, String behavior, Scope scope) {
        public static Change parse(JsonValue value, boolean behaviorRequired) {
            if (!(value instanceof JsonObject body)) {
                throw ApiException.invalidField("body", "must be a JSON object {pattern, behavior, scope?}");
            }
            String pattern = Fields.optionalString(body, "pattern");
            if (pattern == null || pattern.isBlank()) {
                throw ApiException.invalidField("pattern", "is required");
            }
            if (pattern.length() > MAX_PATTERN || pattern.chars().anyMatch(Character::isISOControl)) {
                throw ApiException.invalidField("pattern", "must be one line of at most " + MAX_PATTERN + " characters");
            }
            String behavior = Fields.optionalString(body, "behavior");
            if (behavior == null && behaviorRequired || behavior != null && !BEHAVIORS.contains(behavior)) {
                throw ApiException.invalidField("behavior", "must be one of allow, deny, ask");
            }
            String scope = Fields.optionalString(body, "scope");
            if (scope != null && !"project".equals(scope) && !"global".equals(scope)) {
                throw ApiException.invalidField("scope", "must be project or global");
            }
            return new Change(pattern.strip(), behavior, "global".equals(scope) ? Scope.GLOBAL : Scope.PROJECT);
        }
    }

    /** Where a rule is written: the project's own local settings, or the user's settings for every project. */
    public enum Scope { PROJECT, GLOBAL }

    /** The rules of one settings file, in file order, allow then deny then ask. */
    public static List<Rule> rules(JsonObject settings) {
        List<Rule> out = new ArrayList<>();
        JsonObject permissions = permissions(settings);
        for (String behavior : BEHAVIORS) {
            for (String pattern : patterns(permissions, behavior)) {
                out.add(new Rule(pattern, behavior));
            }
        }
        return out;
    }

    public static List<String> additionalDirectories(JsonObject settings) {
        return new ArrayList<>(patterns(permissions(settings), "additionalDirectories"));
    }

    /** The file with the pattern under {@code behavior}, and under no other behavior (a pattern has one). */
    public static JsonObject withRule(JsonObject settings, String pattern, String behavior) {
        return edit(settings, pattern, behavior, true);
    }

    /** The file without the pattern: under {@code behavior}, or under every behavior when it is null. */
    public static JsonObject withoutRule(JsonObject settings, String pattern, String behavior) {
        return edit(settings, pattern, behavior, false);
    }

    private static JsonObject edit(JsonObject settings, String pattern, String behavior, boolean add) {
        JsonObject permissions = permissions(settings);
        JsonObjectBuilder p = Json.createObjectBuilder(permissions);
        for (String b : BEHAVIORS) {
            Set<String> list = new LinkedHashSet<>(patterns(permissions, b));
            boolean touched = add || behavior == null || b.equals(behavior);
            if (touched) {
                list.remove(pattern);
            }
            if (add && b.equals(behavior)) {
                list.add(pattern);
            }
            if (!touched) {
                continue;
            }
            if (list.isEmpty()) {
                p.remove(b);
            } else {
                JsonArrayBuilder a = Json.createArrayBuilder();
                list.forEach(a::add);
                p.add(b, a);
            }
        }
        return Json.createObjectBuilder(settings).add("permissions", p).build();
    }

    private static JsonObject permissions(JsonObject settings) {
        return settings.get("permissions") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static List<String> patterns(JsonObject permissions, String key) {
        List<String> out = new ArrayList<>();
        if (permissions.get(key) instanceof JsonArray a) {
            for (JsonValue v : a) {
                if (v instanceof JsonString s && !s.getString().isBlank()) {
                    out.add(s.getString());
                }
            }
        }
        return out;
    }
}
