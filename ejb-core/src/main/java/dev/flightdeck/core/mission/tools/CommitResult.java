package dev.flightdeck.core.mission.tools;

/**
 * What mission_commit did: a commit ({@code sha}), nothing to commit ({@code committed} false), or a
 * failure the agent can read (never a path outside its worktree, never git's environment).
 */
public record CommitResult(boolean committed, String sha, String branch, String failure) {
    public static CommitResult failed(String why) {
        return new CommitResult(false, null, "", why);
    }
}
