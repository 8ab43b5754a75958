package dev.flightdeck.core.worktree;

import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Fields;
import jakarta.json.JsonObject;
import java.nio.file.Path;

/** A worktree to create (contract §1.14): a new branch in a repository, from a base. Pure. */
public record NewWorktree(Path repoPath, String branch, String baseBranch) {
    public static NewWorktree parse(JsonObject body) {
        JsonObject b = Fields.required(body);
        String repoPath = Fields.optionalString(b, "repo_path");
        if (repoPath == null || repoPath.isBlank()) {
            throw ErrorCode.CREATE_FAILED.error("repo_path: is required");
        }
        String branch = Fields.optionalString(b, "branch_name");
        String problem = WorktreeRules.branchProblem(branch);
        if (problem != null) {
            throw ErrorCode.CREATE_FAILED.error("branch_name: " + problem);
        }
        return new NewWorktree(Fields.absolutePath("repo_path", repoPath, ErrorCode.CREATE_FAILED), branch,
                Fields.optionalString(b, "base_branch"));
    }

    /** The repository a discover names. */
    public static Path repository(JsonObject body) {
        String repoPath = Fields.optionalString(Fields.required(body), "repo_path");
        if (repoPath == null || repoPath.isBlank()) {
            throw ErrorCode.INVALID_REQUEST.error("repo_path: must be an existing directory (absolute path)");
        }
        return Fields.absolutePath("repo_path", repoPath, ErrorCode.INVALID_REQUEST);
    }
}
