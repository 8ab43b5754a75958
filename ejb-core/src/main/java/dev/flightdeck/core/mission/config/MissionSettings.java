package dev.flightdeck.core.mission.config;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The {@code settings} object of a mission detail (contract §1.15): the configuration in
 * OrbitDock's JSON layout — the same keys as the front matter, unset optional values and empty lists
 * left out — plus {@code prompt_template}. Flightdeck's additions ride along under their own keys
 * ({@code budget}, {@code concurrency}, {@code orchestration.backoff_*},
 * {@code orchestration.max_continuations}), which OrbitDock clients ignore.
 */
public final class MissionSettings {

    private MissionSettings() {
    }

    public static JsonObject json(MissionFile file) {
        return json(file.config(), file.promptTemplate());
    }

    public static JsonObject json(MissionConfig c, String promptTemplate) {
        JsonObjectBuilder root = Json.createObjectBuilder();
        root.add("tracker", c.tracker());

        MissionConfig.Provider p = c.provider();
        JsonObjectBuilder provider = Json.createObjectBuilder()
                .add("strategy", p.strategy())
                .add("primary", p.primary());
        addIfSet(provider, "secondary", p.secondary());
        provider.add("max_concurrent", p.maxConcurrent());
        addIfSet(provider, "max_concurrent_primary", p.maxConcurrentPrimary());
        root.add("provider", provider);

        if (!c.workspace().isEmpty()) {
            MissionConfig.Workspace w = c.workspace();
            JsonObjectBuilder workspace = Json.createObjectBuilder();
            addIfSet(workspace, "provider", w.provider());
            addIfSet(workspace, "image", w.image());
            addIfSet(workspace, "retention", w.retention());
            addIfSet(workspace, "retention_ttl", w.retentionTtl());
            if (w.resources().cpu() != null || w.resources().memory() != null) {
                JsonObjectBuilder resources = Json.createObjectBuilder();
                addIfSet(resources, "cpu", w.resources().cpu());
                addIfSet(resources, "memory", w.resources().memory());
                workspace.add("resources", resources);
            }
            addList(workspace, "setup_commands", w.setupCommands());
            root.add("workspace", workspace);
        }

        JsonObjectBuilder agent = Json.createObjectBuilder();
        if (c.agent().claude() != null) {
            MissionConfig.Claude cl = c.agent().claude();
            JsonObjectBuilder claude = Json.createObjectBuilder();
            addIfSet(claude, "model", cl.model());
            addIfSet(claude, "effort", cl.effort());
            addIfSet(claude, "permission_mode", cl.permissionMode());
            addList(claude, "allowed_tools", cl.allowedTools());
            addList(claude, "disallowed_tools", cl.disallowedTools());
            claude.add("allow_bypass_permissions", cl.allowBypassPermissions());
            addList(claude, "skills", cl.skills());
            agent.add("claude", claude);
        }
        if (c.agent().codex() != null) {
            MissionConfig.Codex cx = c.agent().codex();
            JsonObjectBuilder codex = Json.createObjectBuilder();
            addIfSet(codex, "model", cx.model());
            addIfSet(codex, "effort", cx.effort());
            addIfSet(codex, "approval_policy", cx.approvalPolicy());
            addIfSet(codex, "sandbox_mode", cx.sandboxMode());
            addIfSet(codex, "collaboration_mode", cx.collaborationMode());
            addIfSet(codex, "multi_agent", cx.multiAgent());
            addIfSet(codex, "personality", cx.personality());
            addIfSet(codex, "service_tier", cx.serviceTier());
            addIfSet(codex, "developer_instructions", cx.developerInstructions());
            addList(codex, "skills", cx.skills());
            agent.add("codex", codex);
        }
        root.add("agent", agent);

        MissionConfig.Trigger t = c.trigger();
        JsonObjectBuilder filters = Json.createObjectBuilder();
        addList(filters, "labels", t.filters().labels());
        addList(filters, "states", t.filters().states());
        addIfSet(filters, "project", t.filters().project());
        addIfSet(filters, "team", t.filters().team());
        root.add("trigger", Json.createObjectBuilder().add("kind", t.kind()).add("interval", t.interval())
                .add("filters", filters));

        MissionConfig.Orchestration o = c.orchestration();
        JsonObjectBuilder orchestration = Json.createObjectBuilder()
                .add("max_retries", o.maxRetries())
                .add("stall_timeout", o.stallTimeout())
                .add("base_branch", o.baseBranch());
        addIfSet(orchestration, "worktree_root_dir", o.worktreeRootDir());
        orchestration.add("state_on_dispatch", o.stateOnDispatch())
                .add("state_on_complete", o.stateOnComplete())
                .add("backoff_base", o.backoffBase())
                .add("backoff_max", o.backoffMax())
                .add("max_continuations", o.maxContinuations());
        root.add("orchestration", orchestration);

        MissionConfig.Budget b = c.budget();
        JsonObjectBuilder budget = Json.createObjectBuilder();
        addIfSet(budget, "max_tokens", b.maxTokens());
        addIfSet(budget, "max_usd", b.maxUsd());
        addIfSet(budget, "max_sessions", b.maxSessions());
        budget.add("warn_at", BigDecimal.valueOf(b.warnAt()));
        root.add("budget", budget);

        root.add("concurrency", Json.createObjectBuilder().add("by_state", limits(c.concurrency().byState()))
                .add("by_label", limits(c.concurrency().byLabel())));

        root.add("prompt_template", promptTemplate == null ? "" : promptTemplate);
        return root.build();
    }

    private static JsonObjectBuilder limits(Map<String, Integer> m) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        m.forEach(b::add);
        return b;
    }

    private static void addIfSet(JsonObjectBuilder b, String key, Object value) {
        if (value instanceof String) {
            b.add(key, (String) value);
        } else if (value instanceof Integer) {
            b.add(key, (Integer) value);
        } else if (value instanceof Long) {
            b.add(key, (Long) value);
        } else if (value instanceof Boolean) {
            b.add(key, (Boolean) value);
        } else if (value instanceof BigDecimal) {
            b.add(key, (BigDecimal) value);
        }
    }

    private static void addList(JsonObjectBuilder b, String key, List<String> values) {
        if (!values.isEmpty()) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            values.forEach(a::add);
            b.add(key, a);
        }
    }
}
