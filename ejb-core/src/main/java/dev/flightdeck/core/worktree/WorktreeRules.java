package dev.flightdeck.core.worktree;

import java.util.ArrayList;
import java.util.List;

/** Decisions about worktrees that need no I/O. */
public final class WorktreeRules {
    /** Where new worktrees go, inside the repository (and excluded from its status). */
    public static final String DIR = ".flightdeck-worktrees";
    public static final String SNAPSHOT_REFS = "refs/flightdeck/snapshots/";
    public static final String ACTIVE = "active";
    public static final String ORPHANED = "orphaned";
    public static final String STALE = "stale";
    public static final String REMOVED = "removed";

    private WorktreeRules() {
    }

    /** One entry of {@code git worktree list --porcelain}. */
    public record Listed(String path, String head, String branch, boolean bare, boolean prunable) {
    }

    public static List<Listed> parsePorcelain(String porcelain) {
        List<Listed> out = new ArrayList<>();
        String path = null;
        String head = null;
        String branch = null;
        boolean bare = false;
        boolean prunable = false;
        for (String line : (porcelain + "\n\n").split("\n", -1)) {
            if (line.isEmpty()) {
                if (path != null) {
                    out.add(new Listed(path, head, branch, bare, prunable));
                }
                path = null;
                head = null;
                branch = null;
                bare = false;
                prunable = false;
            } else if (line.startsWith("worktree ")) {
                path = line.substring("worktree ".length());
            } else if (line.startsWith("HEAD ")) {
                head = line.substring("HEAD ".length());
            } else if (line.startsWith("branch ")) {
                String ref = line.substring("branch ".length());
                branch = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
            } else if (line.equals("bare")) {
                bare = true;
            } else if (line.startsWith("prunable")) {
                prunable = true;
            }
        }
        return out;
    }

    /**
     * A tracked worktree's status from what is on disk: active when git lists it and its directory
     * exists; orphaned when the directory is gone; stale when the directory is there but git no
     * longer knows it as a worktree (its administrative link was pruned or broken).
     */
    public static String status(boolean directoryExists, boolean listedByGit) {
        if (!directoryExists) {
            return ORPHANED;
        }
        return listedByGit ? ACTIVE : STALE;
    }

    /** A branch name as a single directory name under {@link #DIR}. */
    public static String directoryName(String branch) {
        return branch.replace('/', '-');
    }

    /**
     * Checks a requested branch name before git does (git check-ref-format has the last word); null
     * when acceptable, else the problem.
     */
    public static String branchProblem(String branch) {
        if (branch == null || branch.isBlank()) {
            return "is required";
        }
        if (branch.length() > 200) {
            return "must be at most 200 characters";
        }
        if (branch.startsWith("-") || branch.startsWith("/") || branch.endsWith("/") || branch.contains("..")
                || branch.contains("//") || branch.endsWith(".lock") || branch.equals("@")) {
            return "is not a valid branch name";
        }
        for (char c : branch.toCharArray()) {
            if (c <= ' ' || c == '~' || c == '^' || c == ':' || c == '?' || c == '*' || c == '[' || c == '\\'
                    || c == 0x7f) {
                return "is not a valid branch name";
            }
        }
        return null;
    }

    public static String snapshotRef(String worktreeId, String snapshotId) {
        return SNAPSHOT_REFS + worktreeId + "/" + snapshotId;
    }

    public static String snapshotMessage(String reason, String branch, String path) {
        return "flightdeck snapshot (" + reason + ")\n\nbranch: " + (branch == null ? "(detached)" : branch)
                + "\nworktree: " + path + "\n";
    }
}
