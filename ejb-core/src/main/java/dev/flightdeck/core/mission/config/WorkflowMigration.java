package dev.flightdeck.core.mission.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an OpenAI Symphony WORKFLOW.md into a MISSION.md ({@code POST …/migrate-workflow}). Both
 * generations of Symphony's front matter are read: the first ({@code tracker.project_slug},
 * {@code polling.interval_ms}, {@code agent.max_concurrent_agents}, {@code codex.command}) and the
 * one with adapter-owned settings under {@code tracker.provider} and {@code tracker.required_labels},
 * {@code agent.max_retry_backoff_ms}, {@code agent.max_concurrent_agents_by_state}. The result opens
 * with comments saying what was carried over and what was not; secrets are never carried over.
 */
public final class WorkflowMigration {

    private static final List<String> SYMPHONY_KEYS = List.of("tracker", "polling", "workspace", "hooks", "agent",
            "codex");
    private static final Pattern IF_ATTEMPT = Pattern.compile("\\{%(-?)\\s*if\\s+attempt\\s*(-?)%\\}");
    private static final Pattern FOR_LABELS = Pattern.compile("(\\{%-?\\s*for\\s+\\w+\\s+in\\s+)issue\\.labels\\b");
    private static final Pattern BRANCH_NAME = Pattern.compile("\\bissue\\.branch_name\\b");

    private WorkflowMigration() {
    }

    /**
     * @return the MISSION.md text; it parses with {@link MissionFile#parse(String)}
     * @throws MissionFileException when the text has no front matter, holds no Symphony settings,
     *     names a tracker Flightdeck missions cannot read, or has a value of the wrong type
     */
    public static String migrate(String workflowText) {
        if (workflowText == null || !MissionFile.startsWithFence(workflowText)) {
            throw new MissionFileException(
                    "WORKFLOW.md has no YAML front matter, so it holds no Symphony settings to migrate");
        }
        MissionFile.Split split = MissionFile.split(workflowText, "WORKFLOW.md");
        Object loaded = MissionYaml.load(split.yaml(), "WORKFLOW.md");
        if (!(loaded instanceof Map) || SYMPHONY_KEYS.stream().noneMatch(((Map<?, ?>) loaded)::containsKey)) {
            throw new MissionFileException("WORKFLOW.md does not contain Symphony configuration: its front matter has "
                    + "none of the keys " + String.join(", ", SYMPHONY_KEYS));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) loaded;
        List<String> notes = new ArrayList<>();

        Map<String, Object> tracker = MissionConfigReader.section(root, "tracker", "tracker");
        Map<String, Object> adapter = MissionConfigReader.section(tracker, "provider", "tracker.provider");
        String kind = lower(MissionConfigReader.string(tracker, "kind", "tracker.kind"));
        if (kind == null || kind.isEmpty()) {
            kind = MissionConfig.TRACKER_LINEAR;
            notes.add("tracker.kind was not set: linear assumed");
        }
        if (!MissionConfig.TRACKERS.contains(kind)) {
            throw new MissionFileException("WORKFLOW.md tracker.kind \"" + kind + "\" has no MISSION.md equivalent: "
                    + "missions read " + String.join(" or ", MissionConfig.TRACKERS) + " issues");
        }

        Map<String, Object> filters = new LinkedHashMap<>();
        List<String> labels = MissionConfigReader.strings(tracker, "required_labels", "tracker.required_labels");
        if (!labels.isEmpty()) {
            filters.put("labels", new ArrayList<>(labels));
        }
        List<String> states = MissionConfigReader.strings(tracker, "active_states", "tracker.active_states");
        if (!states.isEmpty()) {
            filters.put("states", new ArrayList<>(states));
        }
        if (kind.equals(MissionConfig.TRACKER_LINEAR)) {
            String project = firstSet(MissionConfigReader.string(adapter, "project_slug", "tracker.provider.project_slug"),
                    MissionConfigReader.string(tracker, "project_slug", "tracker.project_slug"));
            if (project != null) {
                filters.put("project", project);
            }
        } else {
            String repo = firstSet(MissionConfigReader.string(adapter, "repo", "tracker.provider.repo"),
                    MissionConfigReader.string(tracker, "repo", "tracker.repo"));
            if (repo != null) {
                filters.put("team", repo);
            }
        }
        for (String secret : List.of("api_key", "token")) {
            if (tracker.containsKey(secret) || adapter.containsKey(secret)) {
                notes.add("the tracker " + secret + " was not copied: set the mission's tracker key instead");
            }
        }
        if (tracker.containsKey("assignee") || adapter.containsKey("assignee")) {
            notes.add("tracker assignee has no MISSION.md equivalent and was dropped");
        }
        if (tracker.containsKey("terminal_states")) {
            notes.add("tracker.terminal_states was dropped: missions take terminal states from the tracker");
        }

        Map<String, Object> polling = MissionConfigReader.section(root, "polling", "polling");
        Map<String, Object> agent = MissionConfigReader.section(root, "agent", "agent");
        Map<String, Object> codex = MissionConfigReader.section(root, "codex", "codex");
        Map<String, Object> workspace = MissionConfigReader.section(root, "workspace", "workspace");

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tracker", kind);

        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("strategy", "single");
        // Symphony only ever runs Codex; a file with a codex section was written for it.
        provider.put("primary", root.containsKey("codex") ? "codex" : "claude");
        Long agents = positive(agent, "max_concurrent_agents", "agent.max_concurrent_agents");
        provider.put("max_concurrent", agents == null ? MissionConfig.Provider.defaults().maxConcurrent() : agents);
        out.put("provider", provider);

        Map<String, Object> codexAgent = new LinkedHashMap<>();
        Object approval = codex.get("approval_policy");
        if (approval instanceof String) {
            codexAgent.put("approval_policy", approval);
        } else if (approval != null) {
            notes.add("codex.approval_policy is an object, which MISSION.md cannot express: dropped");
        }
        String sandbox = MissionConfigReader.string(codex, "thread_sandbox", "codex.thread_sandbox");
        if (sandbox != null) {
            codexAgent.put("sandbox_mode", sandbox);
        }
        if (codex.containsKey("command")) {
            notes.add("codex.command was dropped: Flightdeck launches Codex itself");
        }
        if (!codexAgent.isEmpty()) {
            out.put("agent", new LinkedHashMap<>(Map.of("codex", codexAgent)));
        }

        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("kind", "polling");
        Long intervalMs = positive(polling, "interval_ms", "polling.interval_ms");
        trigger.put("interval", intervalMs == null ? MissionConfig.Trigger.defaults().interval() : seconds(intervalMs));
        if (!filters.isEmpty()) {
            trigger.put("filters", filters);
        }
        out.put("trigger", trigger);

        MissionConfig.Orchestration od = MissionConfig.Orchestration.defaults();
        Map<String, Object> orchestration = new LinkedHashMap<>();
        orchestration.put("max_retries", od.maxRetries());
        Long stallMs = whole(codex, "stall_timeout_ms", "codex.stall_timeout_ms");
        orchestration.put("stall_timeout", stallMs == null ? od.stallTimeout() : stallMs <= 0 ? 0 : seconds(stallMs));
        orchestration.put("base_branch", od.baseBranch());
        String root0 = MissionConfigReader.string(workspace, "root", "workspace.root");
        if (root0 != null && !root0.isBlank()) {
            orchestration.put("worktree_root_dir", root0);
        }
        orchestration.put("state_on_dispatch", od.stateOnDispatch());
        orchestration.put("state_on_complete", od.stateOnComplete());
        Long backoffMs = positive(agent, "max_retry_backoff_ms", "agent.max_retry_backoff_ms");
        if (backoffMs != null) {
            long max = seconds(backoffMs);
            if (max < od.backoffBase()) {
                orchestration.put("backoff_base", max);
            }
            orchestration.put("backoff_max", max);
        }
        Long turns = positive(agent, "max_turns", "agent.max_turns");
        if (turns != null) {
            orchestration.put("max_continuations", turns);
            notes.add("agent.max_turns became orchestration.max_continuations");
        }
        out.put("orchestration", orchestration);

        Map<String, Object> byState = new LinkedHashMap<>();
        Map<String, Object> limits = MissionConfigReader.section(agent, "max_concurrent_agents_by_state",
                "agent.max_concurrent_agents_by_state");
        for (Map.Entry<String, Object> e : limits.entrySet()) {
            Long n = positive(limits, e.getKey(), "agent.max_concurrent_agents_by_state." + e.getKey());
            // Symphony ignores entries that are not positive numbers; so does the migration
            if (n != null && !e.getKey().isBlank()) {
                byState.put(e.getKey().strip(), n);
            }
        }
        if (!byState.isEmpty()) {
            out.put("concurrency", new LinkedHashMap<>(Map.of("by_state", byState)));
        }
        if (root.containsKey("hooks")) {
            out.put("hooks", root.get("hooks"));
            notes.add("hooks are kept as written; the MISSION.md schema does not read them");
        }

        String body = split.body();
        if (body.isEmpty()) {
            body = MissionFile.parse(MissionTemplate.defaultFor((String) provider.get("primary"), kind)).promptTemplate();
            notes.add("WORKFLOW.md had no prompt: the default mission prompt is used");
        } else {
            String adapted = adaptTemplate(body);
            if (!adapted.equals(body)) {
                notes.add("prompt: \"if attempt\" became \"if attempt > 1\" (attempt is 1 on a first run here), "
                        + "loops over issue.labels use issue.label_list, issue.branch_name is workspace.branch");
            }
            body = adapted;
        }
        try {
            new PromptRenderer().validate(body);
        } catch (PromptRenderException e) {
            notes.add("the prompt does not render yet, fix it before starting the mission: " + e.getMessage());
        }

        StringBuilder header = new StringBuilder("---\n# Migrated from a Symphony WORKFLOW.md.\n");
        for (String note : notes) {
            header.append("# - ").append(note.replaceAll("\\R", " ")).append('\n');
        }
        header.append('\n');
        String text = MissionFile.render(out, body).replaceFirst("^---\n", java.util.regex.Matcher.quoteReplacement(
                header.toString()));
        MissionFile.parse(text);
        return text;
    }

    /** Symphony-template idioms that mean something else here, rewritten to keep their meaning. */
    static String adaptTemplate(String body) {
        String out = IF_ATTEMPT.matcher(body).replaceAll("{%$1 if attempt > 1 $2%}");
        out = FOR_LABELS.matcher(out).replaceAll("$1issue.label_list");
        return BRANCH_NAME.matcher(out).replaceAll("workspace.branch");
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String firstSet(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    private static Long positive(Map<String, Object> m, String key, String path) {
        Long v = whole(m, key, path);
        return v == null || v <= 0 ? null : v;
    }

    private static Long whole(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        BigDecimal d = v instanceof YamlNumber ? ((YamlNumber) v).value() : null;
        if (d == null && v instanceof String) {
            try {
                d = new BigDecimal(((String) v).strip());
            } catch (NumberFormatException e) {
                d = null;
            }
        }
        if (d == null || d.precision() > 18 || Math.abs((long) d.scale()) > 18) {
            throw new MissionFileException("WORKFLOW.md " + path + ": must be a whole number");
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw new MissionFileException("WORKFLOW.md " + path + ": must be a whole number");
        }
    }
}
