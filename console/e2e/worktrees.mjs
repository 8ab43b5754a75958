// Worktrees in the browser: create one, delete it with a file git would lose (refused, then forced,
// showing the snapshot taken), restore the snapshot and find the file again, and discover a
// worktree made outside Flightdeck. Each step is checked on disk and over REST, not only on screen.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, check, scenario, shot, signedIn, until } from './lib.mjs';

const { REPO, OUTSIDE } = process.env;
const BRANCH = 'console-wt';

await scenario('worktrees: create, delete with a snapshot, restore, discover', async (b) => {
  const { page } = await signedIn(b, { viewport: { width: 1200, height: 900 } });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worktrees' }).click();
  await page.getByRole('heading', { name: 'Worktrees', level: 1 }).waitFor();
  const form = page.getByRole('form', { name: 'New worktree' });
  await form.getByLabel('Repository', { exact: true }).fill(REPO);
  await form.getByLabel('New branch', { exact: true }).fill(BRANCH);
  await form.getByRole('button', { name: 'Create worktree' }).click();
  const row = page.locator(`[data-repo="${REPO}"] [data-worktree="${BRANCH}"]`);
  await row.waitFor();
  const tracked = async () => (await api(`/api/worktrees?repo_root=${encodeURIComponent(REPO)}`)).worktrees;
  const w = (await tracked()).find((x) => x.branch === BRANCH);
  check(w && existsSync(w.worktree_path), `the worktree is not on disk: ${JSON.stringify(w)}`);
  check((await row.innerText()).includes(w.worktree_path), 'the row does not show the path');

  // An untracked file: git refuses to remove the worktree; "Delete anyway" snapshots it first.
  const file = join(w.worktree_path, 'notes.txt');
  writeFileSync(file, 'kept by the snapshot\n');
  await row.getByRole('button', { name: 'Delete', exact: true }).click();
  await row.getByRole('button', { name: `Delete ${BRANCH}` }).click();
  await row.getByRole('alert').filter({ hasText: 'remove_failed' }).waitFor();
  check(existsSync(file), 'the refused delete removed the file');
  await row.getByRole('button', { name: 'Delete anyway' }).click();
  await row.waitFor({ state: 'detached' });
  const removed = page.getByRole('region', { name: 'Removed worktrees' });
  await removed.getByText(/its files are in snapshot/).waitFor();
  await until('the worktree to leave the disk', async () => !existsSync(w.worktree_path));
  await shot(page, 'worktree-removed');

  await removed.getByRole('button', { name: `Restore ${BRANCH}` }).click();
  await row.waitFor();
  await until('the file to be back', async () => existsSync(file));
  check(readFileSync(file, 'utf8') === 'kept by the snapshot\n', 'the restored file differs');

  // A worktree git has but Flightdeck never made appears once the repository is discovered.
  check(!(await tracked()).some((x) => x.branch === OUTSIDE), `${OUTSIDE} is tracked before discovery`);
  await page.locator(`[data-repo="${REPO}"]`).getByRole('button', { name: `Discover the worktrees of ${REPO}` }).click();
  await page.locator(`[data-repo="${REPO}"] [data-worktree="${OUTSIDE}"]`).waitFor();
  check((await tracked()).some((x) => x.branch === OUTSIDE), `the server does not track ${OUTSIDE}`);
  await shot(page, 'worktrees');
});
