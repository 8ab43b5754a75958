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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    public record Skills(String sessionId, JsonArray skills, List<String> claudeSkillNames,
                         List<SkillFiles.SkillError> errors) {
    }

    public Skills skills(String sessionId, String cwd, boolean forceReload) {
        SessionWire.SessionState s = sessions.detail(sessionId).session();
        Path dir = directory(cwd != null ? cwd : s.currentCwd() != null ? s.currentCwd() : s.projectPath());
        if ("codex".equals(s.provider())) {
            return new Skills(sessionId, codex.skills(dir, forceReload), List.of(), List.of());
        }
        // Claude Code's skills: the project's, then the user's (CLAUDE_CONFIG_DIR, else ~/.claude).
        SkillFiles.Found project = SkillFiles.scan(dir.resolve(".claude").resolve("skills"), "repo");
        SkillFiles.Found user = SkillFiles.scan(claudeConfigDir().resolve("skills"), "user");
        var skills = Json.createArrayBuilder();
        List<String> names = new ArrayList<>();
        List<SkillFiles.SkillError> errors = new ArrayList<>(project.errors());
        errors.addAll(user.errors());
        for (SkillFiles.Skill k : concat(project.skills(), user.skills())) {
            names.add(k.name());
            skills.add(Json.createObjectBuilder().add("name", k.name()).add("description", k.description())
                    .add("path", k.path()).add("scope", k.scope()).add("enabled", k.enabled()));
        }
        return new Skills(sessionId, skills.build(), names, errors);
    }

    private static List<SkillFiles.Skill> concat(List<SkillFiles.Skill> a, List<SkillFiles.Skill> b) {
        List<SkillFiles.Skill> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Claude Code's config directory, as the CLI finds it. */
    static Path claudeConfigDir() {
        String env = System.getenv("CLAUDE_CONFIG_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".claude");
    }

    private static Path directory(String cwd) {
        Path p = cwd == null ? null : dev.flightdeck.core.json.Fields.absolutePath("cwd", cwd, ErrorCode.INVALID_REQUEST);
        if (p == null || !Files.isDirectory(p)) {
            throw ApiException.invalidField("cwd", "must be an existing directory (absolute path)");
        }
        return p;
    }
}
