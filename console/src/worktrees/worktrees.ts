import type { components } from '../api/schema.gen';

export type Worktree = components['schemas']['WorktreeSummary'];

/** Worktrees by repository, repositories by name, each repository's worktrees by branch. */
export function byRepository(worktrees: Worktree[]): { repo: string; worktrees: Worktree[] }[] {
  const groups = new Map<string, Worktree[]>();
  for (const w of worktrees) {
    const repo = w.repo_root ?? '';
    groups.set(repo, [...(groups.get(repo) ?? []), w]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([repo, list]) => ({ repo, worktrees: list.sort((a, b) => (a.branch ?? '').localeCompare(b.branch ?? '')) }));
}

/**
 * A removal git refuses without force (uncommitted or untracked files, or a session still working
 * there) may be retried with force: the server snapshots the files first, so nothing is lost.
 */
export function forceMayHelp(code: string | undefined): boolean {
  return code === 'remove_failed' || code === 'worktree_in_use';
}
