package dev.flightdeck.core.mission.config;

import dev.flightdeck.core.mission.tracker.TrackerIssue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a prompt template can read. Values are handed to Liquid as data, never parsed as
 * template, so an issue whose description holds {@code {{ attempt }}} or {@code {% include %}}
 * shows that text literally.
 *
 * @param attempt 1 on an issue's first run, then 2, 3 …
 * @param retryKind why this run repeats an earlier one ({@code failure}, {@code continuation},
 *     {@code rework} …); "" on the first run
 * @param workspaceBranch the branch the run works on, from {@link MissionBranch#of(String)}
 * @param workspacePath the worktree's directory
 * @param baseBranch the branch the worktree starts from ({@code orchestration.base_branch})
 */
public record PromptContext(Issue issue, int attempt, String retryKind, String workspaceBranch,
        String workspacePath, String baseBranch, String missionId, String missionName) {

    public PromptContext {
        retryKind = retryKind == null ? "" : retryKind;
        workspaceBranch = workspaceBranch == null ? "" : workspaceBranch;
        workspacePath = workspacePath == null ? "" : workspacePath;
        baseBranch = baseBranch == null ? "" : baseBranch;
        missionId = missionId == null ? "" : missionId;
        missionName = missionName == null ? "" : missionName;
    }

    /**
     * The issue as the template sees it.
     *
     * @param priority 1 (urgent) … 4 (low), 0 when the issue has none (Linear's "no priority")
     * @param blockedBy identifiers of open issues that block this one
     */
    public record Issue(String id, String identifier, String title, String description, String url, String state,
            List<String> labels, int priority, List<String> blockedBy) {
        public Issue {
            id = id == null ? "" : id;
            identifier = identifier == null ? "" : identifier;
            title = title == null ? "" : title;
            description = description == null ? "" : description;
            url = url == null ? "" : url;
            state = state == null ? "" : state;
            labels = labels == null ? List.of() : List.copyOf(labels);
            blockedBy = blockedBy == null ? List.of() : List.copyOf(blockedBy);
        }

        public static Issue of(TrackerIssue t) {
            return new Issue(t.id(), t.identifier(), t.title(), t.description(), t.url(), t.state(), t.labels(),
                    t.priority() == null ? 0 : t.priority(), t.openBlockers());
        }
    }

    /** The context of a run of a tracker issue; the branch is derived as the workspace derives it. */
    public static PromptContext of(TrackerIssue issue, int attempt, String retryKind, String workspacePath,
            MissionConfig config, String missionId, String missionName) {
        return new PromptContext(Issue.of(issue), attempt, retryKind, MissionBranch.of(issue.identifier()),
                workspacePath, config.orchestration().baseBranch(), missionId, missionName);
    }

    /** A made-up issue, for checking that a template renders before it is saved. */
    public static PromptContext sample() {
        Issue issue = new Issue("sample-id", "ENG-1", "Sample issue", "Sample description.",
                "https://tracker.example/ENG-1", "Todo", List.of("bug"), 0, List.of());
        return new PromptContext(issue, 1, "", MissionBranch.of(issue.identifier()), "/tmp/worktree", "main", "sample-mission",
                "Sample mission");
    }

    /** The Liquid globals: {@code issue.*}, {@code attempt}, {@code retry_kind}, {@code workspace.{branch, path, base_branch}}, {@code mission.*}. */
    Map<String, Object> variables() {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("id", issue.id());
        i.put("identifier", issue.identifier());
        i.put("title", issue.title());
        i.put("description", issue.description());
        i.put("url", issue.url());
        i.put("state", issue.state());
        // OrbitDock's templates print labels as one string; label_list is the list to loop over.
        i.put("labels", String.join(", ", issue.labels()));
        i.put("label_list", issue.labels());
        i.put("priority", issue.priority());
        i.put("blocked_by", issue.blockedBy());
        Map<String, Object> workspace = new LinkedHashMap<>();
        workspace.put("branch", workspaceBranch);
        workspace.put("path", workspacePath);
        workspace.put("base_branch", baseBranch);
        Map<String, Object> mission = new LinkedHashMap<>();
        mission.put("id", missionId);
        mission.put("name", missionName);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("issue", i);
        vars.put("attempt", attempt);
        vars.put("retry_kind", retryKind);
        vars.put("workspace", workspace);
        vars.put("mission", mission);
        return vars;
    }
}
