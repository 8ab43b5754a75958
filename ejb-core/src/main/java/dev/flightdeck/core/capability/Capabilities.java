package dev.flightdeck.core.capability;

import dev.flightdeck.core.codex.CodexCapabilities;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionWire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A session's skills and MCP servers (contract §1.9): asked of Codex, or read from Claude's project files. */
@ApplicationScoped
public class Capabilities {
    @Inject
    SessionService sessions;

    @Inject
    CodexCapabilities codex;

    @Inject
    dev.flightdeck.core.event.EventLog log;

    /** Logs what the agent said its capabilities did, for the session's capabilities subscribers. */
    public void announce(String sessionId, dev.flightdeck.core.connector.AgentEvent.Capability c) {
        dev.flightdeck.core.event.EventType.of(c.type()).ifPresent(type -> log.append(
                dev.flightdeck.core.event.Scope.session(sessionId), type,
                rev -> jakarta.json.Json.createObjectBuilder(c.payload()).add("type", type.wire())
                        .add("session_id", sessionId).add("revision", rev).build()));
    }

    public record Skills(String sessionId, JsonArray skills, List<String> claudeSkillNames, List<String> errors) {
    }

    public Skills skills(String sessionId, String cwd, boolean forceReload) {
        SessionWire.SessionState s = sessions.detail(sessionId).session();
        Path dir = directory(cwd != null ? cwd : s.currentCwd() != null ? s.currentCwd() : s.projectPath());
        if ("codex".equals(s.provider())) {
            return new Skills(sessionId, codex.skills(dir, forceReload), List.of(), List.of());
        }
        // Claude Code's project skills: one directory with a SKILL.md each under .claude/skills.
        List<String> names = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Path root = dir.resolve(".claude").resolve("skills");
        if (Files.isDirectory(root)) {
            try (Stream<Path> dirs = Files.list(root)) {
                dirs.filter(d -> Files.isRegularFile(d.resolve("SKILL.md"))).map(d -> d.getFileName().toString())
                        .sorted().forEach(names::add);
            } catch (IOException e) {
                errors.add("could not read " + root);
            }
        }
        return new Skills(sessionId, JsonValue.EMPTY_JSON_ARRAY, names, errors);
    }

    public JsonObject mcp(String sessionId) {
        SessionWire.SessionState s = sessions.detail(sessionId).session();
        JsonObject servers = "codex".equals(s.provider())
                ? codex.mcp(directory(s.currentCwd() != null ? s.currentCwd() : s.projectPath()))
                : Json.createObjectBuilder().add("tools", JsonValue.EMPTY_JSON_OBJECT)
                        .add("resources", JsonValue.EMPTY_JSON_OBJECT).add("resource_templates", JsonValue.EMPTY_JSON_OBJECT)
                        .add("auth_statuses", JsonValue.EMPTY_JSON_OBJECT).build();
        return Json.createObjectBuilder(servers).add("session_id", sessionId).build();
    }

    private static Path directory(String cwd) {
        Path p = cwd == null ? null : dev.flightdeck.core.json.Fields.absolutePath("cwd", cwd, ErrorCode.INVALID_REQUEST);
        if (p == null || !Files.isDirectory(p)) {
            throw ApiException.invalidField("cwd", "must be an existing directory (absolute path)");
        }
        return p;
    }
}
