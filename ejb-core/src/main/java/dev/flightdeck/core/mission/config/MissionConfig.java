package dev.flightdeck.core.mission.config;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front matter of a MISSION.md, typed. The schema and every default are OrbitDock's (so a file
 * written for OrbitDock means the same here and {@code settings} round-trips to its clients);
 * {@link Budget}, {@link Concurrency} and the backoff and continuation fields of
 * {@link Orchestration} are Flightdeck's optional additions. Build one with
 * {@link MissionFile#parse(String)}; {@link #defaults()} is what an empty but recognised file means.
 */
public record MissionConfig(String tracker, Provider provider, Trigger trigger, Orchestration orchestration,
        Agent agent, Workspace workspace, Budget budget, Concurrency concurrency) {

    public static final String TRACKER_LINEAR = "linear";
    public static final String TRACKER_GITHUB = "github";
    public static final List<String> TRACKERS = List.of(TRACKER_LINEAR, TRACKER_GITHUB);
    public static final List<String> STRATEGIES = List.of("single", "priority", "round_robin");
    public static final List<String> PROVIDERS = List.of("claude", "codex");
    public static final List<String> TRIGGER_KINDS = List.of("polling", "manual_only");

    public MissionConfig {
        provider = provider == null ? Provider.defaults() : provider;
        trigger = trigger == null ? Trigger.defaults() : trigger;
        orchestration = orchestration == null ? Orchestration.defaults() : orchestration;
        agent = agent == null ? new Agent(null, null) : agent;
        workspace = workspace == null ? Workspace.empty() : workspace;
        budget = budget == null ? Budget.unlimited() : budget;
        concurrency = concurrency == null ? new Concurrency(Map.of(), Map.of()) : concurrency;
    }

    /** Every section at its default: tracker {@code linear}, one Claude agent at a time … */
    public static MissionConfig defaults() {
        return new MissionConfig(TRACKER_LINEAR, null, null, null, null, null, null, null);
    }

    /**
     * Which agents run the issues.
     *
     * @param strategy {@code single} (always the primary), {@code priority} (the secondary once the
     *     primary has {@code maxConcurrentPrimary} running) or {@code round_robin}
     * @param secondary null unless a second provider is configured
     * @param maxConcurrent the mission's cap on running issues, all providers together
     * @param maxConcurrentPrimary null when unset (only {@code priority} reads it)
     */
    public record Provider(String strategy, String primary, String secondary, int maxConcurrent,
            Integer maxConcurrentPrimary) {
        public static Provider defaults() {
            return new Provider("single", "claude", null, 3, null);
        }
    }

    /**
     * When the mission looks for work.
     *
     * @param kind {@code polling} or {@code manual_only}
     * @param interval seconds between polls
     */
    public record Trigger(String kind, long interval, Filters filters) {
        public Trigger {
            filters = filters == null ? Filters.none() : filters;
        }

        public static Trigger defaults() {
            return new Trigger("polling", 60, Filters.none());
        }

        public boolean manualOnly() {
            return "manual_only".equals(kind);
        }
    }

    /**
     * Which tracker issues are candidates. Lists are never null; empty means "no filter".
     *
     * @param project Linear project slugId, or GitHub Projects v2 number (always a string)
     * @param team Linear team key, or GitHub {@code owner/repo}
     */
    public record Filters(List<String> labels, List<String> states, String project, String team) {
        public Filters {
            labels = labels == null ? List.of() : List.copyOf(labels);
            states = states == null ? List.of() : List.copyOf(states);
        }

        public static Filters none() {
            return new Filters(List.of(), List.of(), null, null);
        }
    }

    /**
     * How runs are driven. Durations are seconds.
     *
     * @param stallTimeout seconds without progress before a run counts as stalled; 0 disables it
     * @param worktreeRootDir null for the default location
     * @param backoffBase first retry delay (Flightdeck; default 10)
     * @param backoffMax cap on the retry delay (Flightdeck; default 300)
     * @param maxContinuations continuation nudges per run before the run is left alone
     *     (Flightdeck; default 3)
     */
    public record Orchestration(int maxRetries, long stallTimeout, String baseBranch, String worktreeRootDir,
            String stateOnDispatch, String stateOnComplete, long backoffBase, long backoffMax,
            int maxContinuations) {
        public static Orchestration defaults() {
            return new Orchestration(3, 600, "main", null, "In Progress", "In Review", 10, 300, 3);
        }
    }

    /** Per-provider launch settings; each side is null when the file has no block for it. */
    public record Agent(Claude claude, Codex codex) {
        /**
         * Claude's settings as a mission launches it: unattended runs default to
         * {@code acceptEdits}, git allowed and {@code rm} refused when the file names no tools, and
         * bypass permitted (OrbitDock's rule: an agent stuck on a permission prompt is dead).
         */
        public Claude claudeForLaunch() {
            Claude c = claude == null ? new Claude(null, null, null, null, null, false, null) : claude;
            return new Claude(c.model(), c.effort(), c.permissionMode() == null ? "acceptEdits" : c.permissionMode(),
                    c.allowedTools().isEmpty() ? List.of("Bash(git:*)") : c.allowedTools(),
                    c.disallowedTools().isEmpty() ? List.of("Bash(rm:*)") : c.disallowedTools(), true, c.skills());
        }

        /** Codex's settings as a mission launches it: no approvals, workspace-write sandbox by default. */
        public Codex codexForLaunch() {
            Codex c = codex == null ? new Codex(null, null, null, null, null, null, null, null, null, null) : codex;
            return new Codex(c.model(), c.effort(), c.approvalPolicy() == null ? "never" : c.approvalPolicy(),
                    c.sandboxMode() == null ? "workspace-write" : c.sandboxMode(), c.collaborationMode(),
                    c.multiAgent(), c.personality(), c.serviceTier(), c.developerInstructions(), c.skills());
        }
    }

    /** {@code agent.claude}; strings are null when unset, lists empty. */
    public record Claude(String model, String effort, String permissionMode, List<String> allowedTools,
            List<String> disallowedTools, boolean allowBypassPermissions, List<String> skills) {
        public Claude {
            allowedTools = allowedTools == null ? List.of() : List.copyOf(allowedTools);
            disallowedTools = disallowedTools == null ? List.of() : List.copyOf(disallowedTools);
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }

    /** {@code agent.codex}; strings and {@code multiAgent} are null when unset, lists empty. */
    public record Codex(String model, String effort, String approvalPolicy, String sandboxMode,
            String collaborationMode, Boolean multiAgent, String personality, String serviceTier,
            String developerInstructions, List<String> skills) {
        public Codex {
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }

    /** {@code workspace}: where runs happen (OrbitDock's remote workspace settings); all optional. */
    public record Workspace(String provider, String image, String retention, Long retentionTtl,
            Resources resources, List<String> setupCommands) {
        public Workspace {
            resources = resources == null ? new Resources(null, null) : resources;
            setupCommands = setupCommands == null ? List.of() : List.copyOf(setupCommands);
        }

        public static Workspace empty() {
            return new Workspace(null, null, null, null, null, null);
        }

        public boolean isEmpty() {
            return provider == null && image == null && retention == null && retentionTtl == null
                    && resources.cpu() == null && resources.memory() == null && setupCommands.isEmpty();
        }
    }

    public record Resources(Integer cpu, String memory) {
    }

    /**
     * Per-issue spending caps (Flightdeck). A null cap is no cap.
     *
     * @param maxTokens input plus output tokens over all runs of one issue
     * @param maxUsd estimated cost over all runs of one issue
     * @param maxSessions agent sessions started for one issue
     * @param warnAt fraction of a cap (0 &lt; warnAt ≤ 1) at which the agent and the operator are warned
     */
    public record Budget(Long maxTokens, BigDecimal maxUsd, Integer maxSessions, double warnAt) {
        public static final double DEFAULT_WARN_AT = 0.8;

        public static Budget unlimited() {
            return new Budget(null, null, null, DEFAULT_WARN_AT);
        }

        public boolean isUnlimited() {
            return maxTokens == null && maxUsd == null && maxSessions == null;
        }
    }

    /**
     * Extra running-issue caps on top of {@code provider.max_concurrent} (Flightdeck). Keys are
     * tracker state names and label names as written; compare them case-insensitively.
     */
    public record Concurrency(Map<String, Integer> byState, Map<String, Integer> byLabel) {
        public Concurrency {
            // Insertion order is kept so the settings view lists them as the file does.
            byState = byState == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byState));
            byLabel = byLabel == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byLabel));
        }

        public boolean isEmpty() {
            return byState.isEmpty() && byLabel.isEmpty();
        }
    }
}
