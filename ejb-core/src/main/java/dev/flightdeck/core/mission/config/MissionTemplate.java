package dev.flightdeck.core.mission.config;

import dev.flightdeck.core.error.ApiException;

/**
 * The MISSION.md a new mission starts from ({@code POST …/scaffold}, {@code GET …/default-template}):
 * every section with its allowed values in comments, optional sections commented out, and a prompt
 * that tells the agent its real branch ({@code workspace.branch}, from {@link MissionBranch}).
 */
public final class MissionTemplate {

    private MissionTemplate() {
    }

    /**
     * @param provider {@code claude} or {@code codex}: the primary agent
     * @param trackerKind {@code linear} or {@code github}: decides the state names and filter hints
     * @throws ApiException 400 naming {@code provider} or {@code tracker_kind} for another value
     */
    public static String defaultFor(String provider, String trackerKind) {
        if (!MissionConfig.PROVIDERS.contains(provider)) {
            throw ApiException.invalidField("provider", "must be one of " + String.join(", ", MissionConfig.PROVIDERS));
        }
        if (!MissionConfig.TRACKERS.contains(trackerKind)) {
            throw ApiException.invalidField("tracker_kind",
                    "must be one of " + String.join(", ", MissionConfig.TRACKERS));
        }
        boolean github = MissionConfig.TRACKER_GITHUB.equals(trackerKind);
        String other = provider.equals("claude") ? "codex" : "claude";
        return FRONT_MATTER
                .replace("@TRACKER@", trackerKind)
                .replace("@PRIMARY@", pad(provider, 25))
                .replace("@SECONDARY@", pad(other, 21))
                .replace("@STATES@", github ? "[Ready, Backlog]" : "[Todo, \"In Progress\"]")
                .replace("@PROJECT@", github ? pad("12", 21) + "# GitHub Projects (v2) number"
                        : pad("my-project", 21) + "# Linear project slug")
                .replace("@TEAM@", github ? pad("owner/repo", 24) + "# the repository the issues live in"
                        : pad("ENG", 24) + "# Linear team key")
                .replace("@DISPATCH@", pad(github ? "\"In progress\"" : "\"In Progress\"", 15))
                .replace("@COMPLETE@", pad(github ? "\"In review\"" : "\"In Review\"", 15))
                + BODY.replace("@TRACKER_NAME@", github ? "GitHub" : "Linear");
    }

    /** The value, then blanks up to the width, so the comments after it line up. */
    private static String pad(String value, int width) {
        return value + " ".repeat(Math.max(1, width - value.length()));
    }

    private static final String FRONT_MATTER = String.join("\n",
            "---",
            "# ─── Tracker ─────────────────────────────────────────────────────────",
            "# Where the issues come from: linear | github",
            "tracker: @TRACKER@",
            "",
            "# ─── Provider ────────────────────────────────────────────────────────",
            "# Which coding agent works the issues.",
            "provider:",
            "  # strategy: single | priority | round_robin",
            "  #   single       every issue goes to the primary",
            "  #   priority     the primary until max_concurrent_primary issues run on it, then the secondary",
            "  #   round_robin  primary and secondary take turns",
            "  strategy: single",
            "  primary: @PRIMARY@# claude | codex",
            "  # secondary: @SECONDARY@# needed by priority and round_robin",
            "  # max_concurrent_primary: 2       # priority only",
            "  max_concurrent: 3                 # issues running at once, all agents together",
            "",
            "# ─── Agents (optional) ───────────────────────────────────────────────",
            "# Per-agent launch settings. Runs are unattended: when a value is left out, the",
            "# default is one that never waits for a person.",
            "# agent:",
            "#   claude:",
            "#     model: claude-sonnet-4-6",
            "#     effort: high                      # low | medium | high",
            "#     permission_mode: acceptEdits      # default | acceptEdits | plan | bypassPermissions",
            "#     allowed_tools: [\"Bash(git:*)\"]    # what is used when none are listed",
            "#     disallowed_tools: [\"Bash(rm:*)\"]  # likewise",
            "#     skills: [testing]                 # skills added to the first prompt",
            "#   codex:",
            "#     model: gpt-5.3-codex",
            "#     effort: medium                    # low | medium | high",
            "#     approval_policy: never            # untrusted | on-failure | on-request | never",
            "#     sandbox_mode: workspace-write     # read-only | workspace-write | danger-full-access",
            "#     collaboration_mode: default       # default | plan",
            "#     multi_agent: false",
            "#     service_tier: fast                # fast | flex",
            "#     developer_instructions: \"\"",
            "#     skills: [testing]",
            "",
            "# ─── Trigger ─────────────────────────────────────────────────────────",
            "# When the mission looks for work.",
            "trigger:",
            "  kind: polling                     # polling | manual_only",
            "  interval: 60                      # seconds between looks at the tracker",
            "  # filters:                        # leave out to take every open issue",
            "  #   labels: [agent-ready]         # issues carrying these labels",
            "  #   states: @STATES@",
            "  #   project: @PROJECT@",
            "  #   team: @TEAM@",
            "",
            "# ─── Orchestration ───────────────────────────────────────────────────",
            "# How runs are driven.",
            "orchestration:",
            "  max_retries: 3                    # failed runs retried per issue",
            "  stall_timeout: 600                # seconds without progress before a run is stopped (0: never)",
            "  base_branch: main                 # worktrees start from origin/<base_branch>",
            "  # worktree_root_dir: ../worktrees # where worktrees go (default: chosen by the server)",
            "  state_on_dispatch: @DISPATCH@# tracker state when a run starts",
            "  state_on_complete: @COMPLETE@# tracker state when the work is done",
            "  # backoff_base: 10                # first retry after this many seconds, doubling each time …",
            "  # backoff_max: 300                # … up to this many",
            "  # max_continuations: 3            # nudges for an agent that stops before it is done",
            "",
            "# ─── Budget per issue (optional) ─────────────────────────────────────",
            "# A run that reaches a cap is stopped and the issue held for a person.",
            "# budget:",
            "#   max_tokens: 2000000",
            "#   max_usd: 20",
            "#   max_sessions: 5",
            "#   warn_at: 0.8                    # warn when this fraction of a cap is used",
            "",
            "# ─── Concurrency caps (optional) ─────────────────────────────────────",
            "# Limits on top of provider.max_concurrent, by tracker state or by label.",
            "# concurrency:",
            "#   by_state: {\"In Progress\": 2}",
            "#   by_label: {migration: 1}",
            "---",
            "");

    private static final String BODY = String.join("\n",
            "",
            "@TRACKER_NAME@ issue `{{ issue.identifier }}` is yours to finish: {{ issue.title }}",
            "",
            "{% if attempt > 1 %}",
            "> This is attempt {{ attempt }}. Earlier work may already be on the branch and in the workpad",
            "> comment: read both and carry on from there rather than starting over.",
            "{% endif %}",
            "",
            "## Issue",
            "",
            "| Field | Value |",
            "|-------|-------|",
            "| Identifier | `{{ issue.identifier }}` |",
            "| Title | {{ issue.title }} |",
            "| State | {{ issue.state }} |",
            "| Labels | {{ issue.labels }} |",
            "| Link | {{ issue.url }} |",
            "",
            "{% if issue.description != empty %}",
            "## Description",
            "",
            "{{ issue.description }}",
            "{% endif %}",
            "",
            "## How to work",
            "",
            "Your worktree is `{{ workspace.path }}`, on branch `{{ workspace.branch }}`, started from",
            "`origin/{{ workspace.base_branch }}`.",
            "",
            "1. Read the repository's own instructions first: AGENTS.md, CLAUDE.md, CONTRIBUTING and the like.",
            "2. Bring the branch up to date: `git fetch origin`, then rebase onto `origin/{{ workspace.base_branch }}`.",
            "3. Before changing code, write your plan in the issue's workpad comment with your mission tools.",
            "4. Read the code around the change until you understand how it fits.",
            "5. Make the change, keep it focused, and run the project's tests and linters.",
            "6. Commit in small, self-contained steps, and update the workpad as you go.",
            "7. Push the branch, open a pull request against `{{ workspace.base_branch }}`, and link it to the",
            "   issue with your mission tools.",
            "",
            "## Rules",
            "",
            "- Work on your own to the end: nobody will answer questions during the run.",
            "- Stop only for a real blocker (missing access, credentials or permissions), and report it with",
            "  your mission tools.",
            "- Stay inside the issue. Anything else worth doing becomes a follow-up issue.",
            "- Keep exactly one workpad comment and keep it current: it is how people follow your progress.",
            "- Rebase, never merge: the branch history stays linear.",
            "- Never merge a pull request yourself. Open it, get CI green, answer the review, and leave the",
            "  merge to a person.",
            "- Follow the repository's conventions for commit messages and pull request titles.",
            "- Describe the pull request fully: what changed and why, which tests were added, and anything a",
            "  reviewer would not expect.",
            "");
}
