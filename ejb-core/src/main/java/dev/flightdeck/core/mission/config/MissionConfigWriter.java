package dev.flightdeck.core.mission.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MissionConfig} as a front-matter tree in OrbitDock's layout: unset optional values and
 * empty lists are left out, so a file written here reads like one OrbitDock writes. Flightdeck's
 * additions appear only when they differ from their defaults.
 */
final class MissionConfigWriter {

    private MissionConfigWriter() {
    }

    static Map<String, Object> toTree(MissionConfig c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tracker", c.tracker());

        MissionConfig.Provider p = c.provider();
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("strategy", p.strategy());
        provider.put("primary", p.primary());
        putIfSet(provider, "secondary", p.secondary());
        provider.put("max_concurrent", p.maxConcurrent());
        putIfSet(provider, "max_concurrent_primary", p.maxConcurrentPrimary());
        root.put("provider", provider);

        if (!c.workspace().isEmpty()) {
            MissionConfig.Workspace w = c.workspace();
            Map<String, Object> workspace = new LinkedHashMap<>();
            putIfSet(workspace, "provider", w.provider());
            putIfSet(workspace, "image", w.image());
            putIfSet(workspace, "retention", w.retention());
            putIfSet(workspace, "retention_ttl", w.retentionTtl());
            Map<String, Object> resources = new LinkedHashMap<>();
            putIfSet(resources, "cpu", w.resources().cpu());
            putIfSet(resources, "memory", w.resources().memory());
            putIfSet(workspace, "resources", resources.isEmpty() ? null : resources);
            putList(workspace, "setup_commands", w.setupCommands());
            root.put("workspace", workspace);
        }

        Map<String, Object> agent = agentTree(c.agent());
        if (!agent.isEmpty()) {
            root.put("agent", agent);
        }

        MissionConfig.Trigger t = c.trigger();
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("kind", t.kind());
        trigger.put("interval", t.interval());
        Map<String, Object> filters = new LinkedHashMap<>();
        putList(filters, "labels", t.filters().labels());
        putList(filters, "states", t.filters().states());
        putIfSet(filters, "project", t.filters().project());
        putIfSet(filters, "team", t.filters().team());
        if (!filters.isEmpty()) {
            trigger.put("filters", filters);
        }
        root.put("trigger", trigger);

        MissionConfig.Orchestration o = c.orchestration();
        MissionConfig.Orchestration od = MissionConfig.Orchestration.defaults();
        Map<String, Object> orchestration = new LinkedHashMap<>();
        orchestration.put("max_retries", o.maxRetries());
        orchestration.put("stall_timeout", o.stallTimeout());
        orchestration.put("base_branch", o.baseBranch());
        putIfSet(orchestration, "worktree_root_dir", o.worktreeRootDir());
        orchestration.put("state_on_dispatch", o.stateOnDispatch());
        orchestration.put("state_on_complete", o.stateOnComplete());
        if (o.backoffBase() != od.backoffBase()) {
            orchestration.put("backoff_base", o.backoffBase());
        }
        if (o.backoffMax() != od.backoffMax()) {
            orchestration.put("backoff_max", o.backoffMax());
        }
        if (o.maxContinuations() != od.maxContinuations()) {
            orchestration.put("max_continuations", o.maxContinuations());
        }
        root.put("orchestration", orchestration);

        MissionConfig.Budget b = c.budget();
        if (!b.isUnlimited() || b.warnAt() != MissionConfig.Budget.DEFAULT_WARN_AT) {
            Map<String, Object> budget = new LinkedHashMap<>();
            putIfSet(budget, "max_tokens", b.maxTokens());
            putIfSet(budget, "max_usd", b.maxUsd() == null ? null : new YamlNumber(b.maxUsd().toPlainString()));
            putIfSet(budget, "max_sessions", b.maxSessions());
            if (b.warnAt() != MissionConfig.Budget.DEFAULT_WARN_AT) {
                budget.put("warn_at", b.warnAt());
            }
            root.put("budget", budget);
        }
        if (!c.concurrency().isEmpty()) {
            Map<String, Object> concurrency = new LinkedHashMap<>();
            if (!c.concurrency().byState().isEmpty()) {
                concurrency.put("by_state", new LinkedHashMap<>(c.concurrency().byState()));
            }
            if (!c.concurrency().byLabel().isEmpty()) {
                concurrency.put("by_label", new LinkedHashMap<>(c.concurrency().byLabel()));
            }
            root.put("concurrency", concurrency);
        }
        return root;
    }

    private static Map<String, Object> agentTree(MissionConfig.Agent a) {
        Map<String, Object> agent = new LinkedHashMap<>();
        if (a.claude() != null) {
            MissionConfig.Claude c = a.claude();
            Map<String, Object> claude = new LinkedHashMap<>();
            putIfSet(claude, "model", c.model());
            putIfSet(claude, "effort", c.effort());
            putIfSet(claude, "permission_mode", c.permissionMode());
            putList(claude, "allowed_tools", c.allowedTools());
            putList(claude, "disallowed_tools", c.disallowedTools());
            claude.put("allow_bypass_permissions", c.allowBypassPermissions());
            putList(claude, "skills", c.skills());
            agent.put("claude", claude);
        }
        if (a.codex() != null) {
            MissionConfig.Codex c = a.codex();
            Map<String, Object> codex = new LinkedHashMap<>();
            putIfSet(codex, "model", c.model());
            putIfSet(codex, "effort", c.effort());
            putIfSet(codex, "approval_policy", c.approvalPolicy());
            putIfSet(codex, "sandbox_mode", c.sandboxMode());
            putIfSet(codex, "collaboration_mode", c.collaborationMode());
            putIfSet(codex, "multi_agent", c.multiAgent());
            putIfSet(codex, "personality", c.personality());
            putIfSet(codex, "service_tier", c.serviceTier());
            putIfSet(codex, "developer_instructions", c.developerInstructions());
            putList(codex, "skills", c.skills());
            agent.put("codex", codex);
        }
        return agent;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static void putList(Map<String, Object> m, String key, List<String> values) {
        if (!values.isEmpty()) {
            m.put(key, new ArrayList<>(values));
        }
    }
}
