import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { ErrorNote } from '../app/ErrorNote';

interface Entry { name: string; is_dir: boolean; is_git: boolean }

/** Provider, directory (through the server's fs browser), model, and optionally a new worktree. */
export function QuickCreate({ onCreated }: { onCreated: (id: string) => void }) {
  const [provider, setProvider] = useState<'claude' | 'codex'>('claude');
  const [cwd, setCwd] = useState('');
  const [model, setModel] = useState('');
  const [worktree, setWorktree] = useState(false);
  const [branch, setBranch] = useState('');
  const [prompt, setPrompt] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const create = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let dir = cwd;
      if (worktree) {
        const w = await ok(api.POST('/api/worktrees', { body: { repo_path: cwd, branch_name: branch } as never })) as
          { worktree: { worktree_path: string } };
        dir = w.worktree.worktree_path;
      }
      const body: Record<string, unknown> = { provider, cwd: dir };
      if (model.trim()) body.model = model.trim();
      if (prompt.trim()) body.initial_prompt = prompt.trim();
      const r = await ok(api.POST('/api/sessions', { body: body as never }));
      onCreated(r.session_id!);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel create" onSubmit={create} aria-label="New session">
      <div class="fields">
        <label>Provider
          <select name="provider" value={provider} onChange={(e) => setProvider((e.target as HTMLSelectElement).value as 'claude' | 'codex')}>
            <option value="claude">Claude Code</option>
            <option value="codex">Codex</option>
          </select>
        </label>
        <label>Directory
          <input name="cwd" required value={cwd} onInput={(e) => setCwd((e.target as HTMLInputElement).value)} placeholder="/path/to/repo" />
        </label>
        <label>Model <input name="model" value={model} onInput={(e) => setModel((e.target as HTMLInputElement).value)} placeholder="default" /></label>
      </div>
      <FsBrowser path={cwd} onPick={setCwd} />
      <label class="check"><input type="checkbox" checked={worktree} onChange={(e) => setWorktree((e.target as HTMLInputElement).checked)} /> In a new worktree</label>
      {worktree && <label>Branch <input name="branch" required value={branch} onInput={(e) => setBranch((e.target as HTMLInputElement).value)} /></label>}
      <label>First message (optional)
        <textarea name="initial_prompt" rows={2} value={prompt} onInput={(e) => setPrompt((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" disabled={busy || !cwd}>Create session</button>
      <ErrorNote error={error} />
    </form>
  );
}

export function FsBrowser({ path, onPick }: { path: string; onPick: (p: string) => void }) {
  const [open, setOpen] = useState(false);
  const [listing, setListing] = useState<{ path: string; entries: Entry[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const browse = (p: string) => {
    ok(api.GET('/api/fs/browse', { params: { query: { path: p || '~' } as never } }))
      .then((l) => { setListing(l as never); setError(null); })
      .catch(setError);
  };
  useEffect(() => { if (open) browse(path); }, [open]);
  if (!open) return <button type="button" class="link-button" onClick={() => setOpen(true)}>Browse…</button>;
  const parent = listing?.path.replace(/\/[^/]+\/?$/, '') || '/';
  return (
    <div class="fs" role="group" aria-label="Choose a directory">
      <div class="row-between"><code>{listing?.path}</code><button type="button" onClick={() => setOpen(false)}>Close</button></div>
      <ErrorNote error={error} />
      <ul>
        {listing && <li><button type="button" class="link-button" onClick={() => browse(parent)}>..</button></li>}
        {(listing?.entries ?? []).filter((e) => e.is_dir).map((e) => {
          const full = `${listing!.path.replace(/\/$/, '')}/${e.name}`;
          return (
            <li>
              <button type="button" class="link-button" onClick={() => browse(full)}>{e.name}/</button>
              {e.is_git && <span class="tag">git</span>}
              <button type="button" onClick={() => { onPick(full); setOpen(false); }} aria-label={`Use ${full}`}>Use</button>
            </li>
          );
        })}
      </ul>
      {listing && <button type="button" onClick={() => { onPick(listing.path); setOpen(false); }}>Use this directory</button>}
    </div>
  );
}
