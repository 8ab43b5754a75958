import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, ok } from '../api/client';
import { useLive } from '../app/live';
import { useAction } from '../app/action';
import { ErrorNote } from '../app/ErrorNote';
import { FsBrowser } from '../dashboard/QuickCreate';
import { orchestratorLabel, type MissionSummary } from './board';
import type { components } from '../api/schema.gen';

type Listing = components['schemas']['MissionList'] & { revision?: number };

/** Every mission with its counts, live from subscribe_missions; and a form to add one. */
export function MissionsPage() {
  const list = useLive<Listing>('missions',
    () => ok(api.GET('/api/missions')),
    (since) => ({ type: 'subscribe_missions', ...(since !== undefined ? { since_revision: since } : {}) }),
    (f) => f.type === 'missions_invalidated');
  const [showCreate, setShowCreate] = useState(false);
  const { route } = useLocation();
  const missions = list.data?.missions ?? [];
  return (
    <section aria-labelledby="missions-title">
      <div class="row-between">
        <h1 id="missions-title">Missions</h1>
        <button type="button" onClick={() => setShowCreate(!showCreate)} aria-expanded={showCreate}>New mission</button>
      </div>
      {showCreate && <CreateMission onCreated={(id) => route(`/missions/${id}`)} />}
      <ErrorNote error={list.error} onRetry={list.reload} />
      {list.data && missions.length === 0 && (
        <p>No missions yet. A mission watches a tracker (Linear or GitHub) for issues and gives each to an agent,
          as the repository's MISSION.md says (docs/missions.md).</p>
      )}
      <ul class="sessions">
        {missions.map((m) => <li><MissionCard m={m} /></li>)}
      </ul>
    </section>
  );
}

function MissionCard({ m }: { m: MissionSummary }) {
  return (
    <a class={`card${m.parse_error ? ' status-permission' : ''}`} href={`/missions/${m.id}`} data-mission-id={m.id}>
      <span class="card-title">{m.name}</span>
      <span class={`badge badge-${m.orchestrator_status}`}>{orchestratorLabel(m.orchestrator_status)}</span>
      <span class="card-meta">{m.tracker_kind} · {m.provider_strategy} {m.primary_provider} · <code>{m.repo_root}</code></span>
      <span class="card-line">{m.active_count ?? 0} running · {m.queued_count ?? 0} queued · {m.failed_count ?? 0} failed or blocked · {m.completed_count ?? 0} completed</span>
      {m.parse_error && <span class="card-line notice">{m.parse_error}</span>}
    </a>
  );
}

function CreateMission({ onCreated }: { onCreated: (id: string) => void }) {
  const [name, setName] = useState('');
  const [repo, setRepo] = useState('');
  const [tracker, setTracker] = useState('linear');
  const [provider, setProvider] = useState('claude');
  const { error, busy, run } = useAction(() => {});
  const submit = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const m = await ok(api.POST('/api/missions', {
        body: { name: name.trim(), repo_root: repo.trim(), tracker_kind: tracker, provider } as never,
      })) as MissionSummary;
      onCreated(m.id!);
    });
  };
  return (
    <form class="panel create" onSubmit={submit} aria-label="New mission">
      <div class="fields">
        <label>Name <input name="name" required value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} /></label>
        <label>Repository
          <input name="repo_root" required value={repo} onInput={(e) => setRepo((e.target as HTMLInputElement).value)} placeholder="/path/to/repo" />
        </label>
        <label>Tracker
          <select name="tracker_kind" value={tracker} onChange={(e) => setTracker((e.target as HTMLSelectElement).value)}>
            <option value="linear">Linear</option>
            <option value="github">GitHub</option>
          </select>
        </label>
        <label>Agent
          <select name="provider" value={provider} onChange={(e) => setProvider((e.target as HTMLSelectElement).value)}>
            <option value="claude">Claude Code</option>
            <option value="codex">Codex</option>
          </select>
        </label>
      </div>
      <FsBrowser path={repo} onPick={setRepo} />
      <ErrorNote error={error} />
      <div><button type="submit" class="primary" disabled={busy}>{busy ? 'Creating…' : 'Create mission'}</button></div>
    </form>
  );
}
