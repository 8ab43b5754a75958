import { describe, expect, it } from 'vitest';
import { byRepository, forceMayHelp, type Worktree } from './worktrees';

const w = (repo: string, branch: string): Worktree => ({ id: `${repo}:${branch}`, repo_root: repo, branch }) as Worktree;

describe('worktrees', () => {
  it('groups by repository, each sorted by branch', () => {
    expect(byRepository([w('/r/b', 'z'), w('/r/a', 'y'), w('/r/b', 'a')]).map((g) => [g.repo, g.worktrees.map((x) => x.branch)]))
      .toEqual([['/r/a', ['y']], ['/r/b', ['a', 'z']]]);
    expect(byRepository([])).toEqual([]);
  });

  it('offers force only where the server says force would do it', () => {
    expect(forceMayHelp('remove_failed')).toBe(true);
    expect(forceMayHelp('worktree_in_use')).toBe(true);
    expect(forceMayHelp('not_found')).toBe(false);
    expect(forceMayHelp(undefined)).toBe(false);
  });
});
