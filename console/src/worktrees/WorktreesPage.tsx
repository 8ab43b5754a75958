import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { ApiError } from '../api/errors';
import { useLive } from '../app/live';
import { useAction } from '../app/action';
import { ErrorNote } from '../app/ErrorNote';
import { FsBrowser } from '../dashboard/QuickCreate';
import { byRepository, forceMayHelp, type Worktree } from './worktrees';
import type { components } from '../api/schema.gen';

type Listing = components['schemas']['WorktreeList'] & { revision?: number };
type Removed = components['schemas']['WorktreeRemoved'];
type Snapshot = components['schemas']['WorktreeSnapshot'];

const CHANGES = new Set(['worktree_created', 'worktree_removed', 'worktree_status_changed']);

/**
 * Every tracked worktree, by repository: create one, discover those made outside Flightdeck, take a
 * snapshot, delete (showing the snapshot taken), and restore a snapshot. Worktree messages go to
 * every socket without a subscription, so the list is read again whenever one arrives.
 */
export function WorktreesPage() {
  const list = useLive<Listing>('worktrees', async () => {
    const l = await ok(api.GET('/api/worktrees', { params: { query: {} } }));
    return { ...l, revision: l.worktree_revision };
  }, null, (f) => CHANGES.has(f.type));
  const [removed, setRemoved] = useState<(Removed & { branch?: string })[]>([]);
  const groups = byRepository(list.data?.worktrees ?? []);
  return (
    <section aria-labelledby="wt-title">
      <h1 id="wt-title">Worktrees</h1>
      <CreateWorktree onDone={list.reload} />
      <ErrorNote error={list.error} onRetry={list.reload} />
      {removed.length > 0 && (
        <section class="panel" aria-label="Removed worktrees">
          <h2>Removed</h2>
          <ul class="plain">
            {removed.map((r) => (
              <li data-removed={r.worktree_id}>
                <RemovedRow removed={r} onRestored={() => { setRemoved(removed.filter((x) => x !== r)); list.reload(); }} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {list.data && groups.length === 0 && <p>No worktrees are tracked yet. Create one above, or discover a repository's.</p>}
      {groups.map((g) => (
        <section class="group" aria-label={g.repo} data-repo={g.repo}>
          <div class="row-between">
            <h2><code>{g.repo}</code></h2>
            <Discover repo={g.repo} onDone={list.reload} />
          </div>
          <ul class="plain">
            {g.worktrees.map((w) => (
              <li key={w.id}><WorktreeRow w={w} onRemoved={(r) => { setRemoved([{ ...r, branch: w.branch }, ...removed]); list.reload(); }} onChanged={list.reload} /></li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function CreateWorktree({ onDone }: { onDone: () => void }) {
  const [repo, setRepo] = useState('');
  const [branch, setBranch] = useState('');
  const [base, setBase] = useState('');
  const { error, busy, run } = useAction(onDone);
  return (
    <form class="panel create" aria-label="New worktree" onSubmit={(e) => {
      e.preventDefault();
      void run(async () => {
        await ok(api.POST('/api/worktrees', { body: { repo_path: repo.trim(), branch_name: branch.trim(), ...(base.trim() ? { base_branch: base.trim() } : {}) } as never }));
        setBranch('');
      });
    }}>
      <div class="fields">
        <label>Repository <input name="repo_path" required value={repo} onInput={(e) => setRepo((e.target as HTMLInputElement).value)} placeholder="/path/to/repo" /></label>
        <label>New branch <input name="branch_name" required value={branch} onInput={(e) => setBranch((e.target as HTMLInputElement).value)} /></label>
        <label>From <input name="base_branch" value={base} onInput={(e) => setBase((e.target as HTMLInputElement).value)} placeholder="current HEAD" /></label>
      </div>
      <FsBrowser path={repo} onPick={setRepo} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>Create worktree</button>
        <Discover repo={repo.trim()} onDone={onDone} />
      </div>
      <ErrorNote error={error} />
    </form>
  );
}

function Discover({ repo, onDone }: { repo: string; onDone: () => void }) {
  const { error, busy, run } = useAction(onDone);
  return (
    <>
      <button type="button" disabled={busy || !repo} aria-label={`Discover the worktrees of ${repo || 'the repository'}`}
        onClick={() => run(() => ok(api.POST('/api/worktrees/discover', { body: { repo_path: repo } as never })))}>Discover</button>
      <ErrorNote error={error} />
    </>
  );
}

function WorktreeRow({ w, onRemoved, onChanged }: { w: Worktree; onRemoved: (r: Removed) => void; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [refused, setRefused] = useState(false);
  const [showSnapshots, setShowSnapshots] = useState(false);
  const { error, busy, run } = useAction(onChanged);
  const id = w.id!;
  const remove = (force: boolean) => run(async () => {
    try {
      const r = await ok(api.DELETE('/api/worktrees/{id}', { params: { path: { id }, query: { force } as never } }));
      setConfirming(false);
      setRefused(false);
      onRemoved(r);
    } catch (e) {
      setRefused(e instanceof ApiError && forceMayHelp(e.code));
      throw e;
    }
  });
  return (
    <article class="wt" data-worktree={w.branch} aria-label={`Worktree ${w.branch}`}>
      <div class="row-between">
        <strong>{w.custom_name ?? w.branch}</strong>
        <span class={`badge badge-${w.status}`}>{w.disk_present ? w.status : 'missing on disk'}</span>
      </div>
      <code class="card-meta">{w.worktree_path}</code>
      <span class="card-meta">
        from {w.base_branch ?? '—'} · {w.active_session_count ?? 0} active of {w.total_session_count ?? 0} session(s) · by {w.created_by ?? '—'}
      </span>
      <div class="actions">
        <button type="button" disabled={busy} aria-expanded={showSnapshots} onClick={() => setShowSnapshots(!showSnapshots)}>Snapshots</button>
        {!confirming
          ? <button type="button" class="danger" disabled={busy} onClick={() => { setConfirming(true); setRefused(false); }}>Delete</button>
          : <>
            <button type="button" class="danger" disabled={busy} onClick={() => remove(false)}>Delete {w.branch}</button>
            {refused && <button type="button" class="danger" disabled={busy} onClick={() => remove(true)}>Delete anyway</button>}
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>Keep</button>
          </>}
      </div>
      {confirming && <p class="notice">Its working files, untracked ones too, are saved in a snapshot first; the snapshot can be restored later.</p>}
      <ErrorNote error={error} />
      {showSnapshots && <Snapshots id={id} onRestored={onChanged} />}
    </article>
  );
}

function Snapshots({ id, onRestored }: { id: string; onRestored: () => void }) {
  const [snaps, setSnaps] = useState<Snapshot[] | null>(null);
  const load = () => void ok(api.GET('/api/worktrees/{id}/snapshots', { params: { path: { id } } })).then((s) => setSnaps(s.snapshots ?? [])).catch(() => setSnaps([]));
  useEffect(load, [id]);
  const { error, busy, run } = useAction(() => { load(); onRestored(); });
  return (
    <div class="snapshots">
      <button type="button" disabled={busy} onClick={() => run(() => ok(api.POST('/api/worktrees/{id}/snapshots', { params: { path: { id } } })))}>Snapshot now</button>
      <ErrorNote error={error} />
      {snaps && snaps.length === 0 && <p class="card-meta">No snapshots yet.</p>}
      <ul class="plain">
        {(snaps ?? []).map((s) => (
          <li class="row-between" data-snapshot={s.id}>
            <span>{new Date(s.created_at ?? '').toLocaleString()} · {s.reason} · {s.dirty ? 'with uncommitted files' : 'clean'}{s.restored_at ? ' · restored' : ''}</span>
            <button type="button" disabled={busy} onClick={() => run(() => ok(api.POST('/api/worktrees/{id}/snapshots/{snapshot_id}/restore', { params: { path: { id, snapshot_id: s.id! } } })))}>Restore</button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RemovedRow({ removed, onRestored }: { removed: Removed & { branch?: string }; onRestored: () => void }) {
  const { error, busy, run } = useAction(onRestored);
  const sid = removed.snapshot_id;
  return (
    <div class="row-between">
      <span>{removed.branch} removed{sid ? `; its files are in snapshot ${sid}` : ' (nothing to snapshot)'}
        {(removed.warnings ?? []).map((w) => <span class="notice"> {w}</span>)}</span>
      {sid && <button type="button" disabled={busy}
        onClick={() => run(() => ok(api.POST('/api/worktrees/{id}/snapshots/{snapshot_id}/restore', { params: { path: { id: removed.worktree_id!, snapshot_id: sid } } })))}>Restore {removed.branch}</button>}
      <ErrorNote error={error} />
    </div>
  );
}
