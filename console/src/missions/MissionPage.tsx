import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, ok } from '../api/client';
import { useLive } from '../app/live';
import { useAction } from '../app/action';
import { ErrorNote } from '../app/ErrorNote';
import { socket } from '../ws/socket';
import { ACTION_LABEL, COLUMNS, actionsFor, byColumn, orchestratorLabel, type Issue, type IssueAction, type MissionDetail } from './board';
import { MissionSettings } from './MissionSettings';

type Live = MissionDetail & { revision?: number };
interface Heartbeat { tick_started_at?: string; next_tick_at?: string }

/**
 * One mission: the orchestrator's state and heartbeat, MISSION.md's parse error, the board of its
 * issues by orchestration state, and its settings. Kept live by subscribe_mission: every change to
 * the mission or its issues is a mission_invalidated above the revision held.
 */
export function MissionPage() {
  const { params } = useRoute();
  const mid = params.id;
  const path = { params: { path: { mid } } };
  const mission = useLive<Live>(`mission:${mid}`,
    async () => {
      const d = await ok(api.GET('/api/missions/{mid}', path));
      return { ...d, revision: d.summary?.revision };
    },
    (since) => ({ type: 'subscribe_mission', mission_id: mid, ...(since !== undefined ? { since_revision: since } : {}) }),
    (f) => f.type === 'mission_invalidated' && f.mission_id === mid);
  const [beat, setBeat] = useState<Heartbeat | null>(null);
  useEffect(() => socket.onFrame((f) => {
    if (f.type === 'mission_heartbeat' && f.mission_id === mid) setBeat(f as Heartbeat);
  }), [mid]);
  const { error, busy, run } = useAction(mission.reload);

  const d = mission.data;
  const s = d?.summary;
  const status = s?.orchestrator_status ?? '';
  const columns = byColumn(d?.issues ?? []);
  return (
    <section class="mission" aria-labelledby="mission-title">
      <header class="session-head">
        <div>
          <h1 id="mission-title">{s?.name ?? mid}</h1>
          <p class="meta">
            <span class={`badge badge-${status}`} data-orchestrator={status}>{orchestratorLabel(status)}</span>
            {' '}{s?.tracker_kind} · {s?.provider_strategy} {s?.primary_provider}{s?.secondary_provider ? ` / ${s.secondary_provider}` : ''}
            {' '}· <code>{s?.repo_root}</code>
          </p>
          <p class="meta" aria-live="polite">
            {s?.last_polled_at ? `Last polled ${when(s.last_polled_at)}` : 'Not polled yet'}
            {beat?.next_tick_at ? ` · next poll ${when(beat.next_tick_at)}` : s?.poll_interval ? ` · every ${s.poll_interval} s` : ''}
          </p>
        </div>
        <div class="controls" role="toolbar" aria-label="Mission controls">
          {(status === 'idle' || status === 'config_error') && <button type="button" class="primary" disabled={busy}
            onClick={() => run(() => ok(api.POST('/api/missions/{mid}/start-orchestrator', path)))}>Start orchestrator</button>}
          <button type="button" disabled={busy || status !== 'polling'}
            onClick={() => run(() => ok(api.POST('/api/missions/{mid}/trigger', path)))}>Poll now</button>
          {s && <button type="button" disabled={busy}
            onClick={() => run(() => ok(api.PUT('/api/missions/{mid}', { ...path, body: { paused: !s.paused } as never })))}>{s.paused ? 'Resume' : 'Pause'}</button>}
          {d && !d.mission_file_exists && (d.workflow_migration_available
            ? <button type="button" disabled={busy} onClick={() => run(() => ok(api.POST('/api/missions/{mid}/migrate-workflow', path)))}>Convert WORKFLOW.md</button>
            : <button type="button" disabled={busy} onClick={() => run(() => ok(api.POST('/api/missions/{mid}/scaffold', path)))}>Write a MISSION.md</button>)}
        </div>
      </header>
      <ErrorNote error={mission.error} onRetry={mission.reload} />
      <ErrorNote error={error} />
      {s?.parse_error && (
        <div class="error" role="alert" data-parse-error>
          <strong>{s.mission_file_path ?? 'MISSION.md'} cannot be used</strong>
          <span>{s.parse_error}</span>
          <span>Fix the file in the repository: a running orchestrator reads it again at its next poll; otherwise start it once the file is fixed.</span>
        </div>
      )}
      {d?.cleanup_prompt && <p class="notice">{d.cleanup_prompt.lingering_worktree_count} finished issue worktree(s) are still on disk.</p>}
      <TrackerKey mid={mid} onChanged={mission.reload} />
      <div class="board" aria-label="Issues by state">
        {COLUMNS.map((c) => (
          <section class="column" data-column={c.id} aria-labelledby={`col-${c.id}`}>
            <h2 id={`col-${c.id}`}>{c.title} <span class="count">{columns[c.id].length}</span></h2>
            <ul>
              {columns[c.id].map((i) => <li><IssueCard mid={mid} issue={i} onDone={mission.reload} /></li>)}
            </ul>
          </section>
        ))}
      </div>
      {d?.settings && <MissionSettings mid={mid} settings={d.settings as Record<string, unknown>} onSaved={mission.reload} />}
    </section>
  );
}

function IssueCard({ mid, issue, onDone }: { mid: string; issue: Issue; onDone: () => void }) {
  const { error, busy, run } = useAction(onDone);
  const [blocking, setBlocking] = useState(false);
  const [reason, setReason] = useState('');
  const path = { params: { path: { mid, iid: issue.issue_id! } } };
  const act = (a: IssueAction) => {
    if (a === 'block') {
      setBlocking(true);
      return;
    }
    void run(() => {
      switch (a) {
        case 'retry': return ok(api.POST('/api/missions/{mid}/issues/{iid}/retry', path));
        case 'requeue': return ok(api.POST('/api/missions/{mid}/issues/{iid}/transition', { ...path, body: { target_state: 'queued' } as never }));
        default: return ok(api.POST('/api/missions/{mid}/issues/{iid}/complete', { ...path, body: {} as never }));
      }
    });
  };
  const state = issue.orchestration_state ?? '';
  return (
    <article class={`issue state-${state}`} data-issue={issue.identifier} data-state={state} aria-label={`${issue.identifier} ${issue.title}`}>
      <div class="row-between">
        <strong>{issue.url ? <a href={issue.url} target="_blank" rel="noreferrer">{issue.identifier}</a> : issue.identifier}</strong>
        <span class={`badge badge-${state}`}>{state.replace('_', ' ')}</span>
      </div>
      <span class="issue-title">{issue.title}</span>
      <span class="card-meta">
        {issue.tracker_state} · {issue.provider} · attempt {issue.attempt ?? 0}
        {issue.work_status ? ` · agent ${issue.work_status}` : ''}
      </span>
      {issue.session_id && <a href={`/sessions/${issue.session_id}`}>Open the session</a>}
      {issue.pr_url && <a href={issue.pr_url} target="_blank" rel="noreferrer">Pull request</a>}
      {issue.retry_due_at && <span class="card-meta">retry {issue.retry_kind ?? ''} at {when(issue.retry_due_at)}</span>}
      {issue.error && <span class="notice">{issue.error}</span>}
      {issue.hold_reason && <span class="card-meta">held: {issue.hold_reason.replace(/_/g, ' ')}</span>}
      {issue.budget_warning && <span class="notice">{issue.budget_warning}</span>}
      {issue.last_message && <span class="card-line">{issue.last_message}</span>}
      {blocking ? (
        <form class="row" onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await ok(api.POST('/api/missions/{mid}/issues/{iid}/blocked', { ...path, body: { reason: reason.trim() } as never }));
            setBlocking(false);
          });
        }}>
          <label class="grow">Why is it blocked? <input name="reason" required value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} /></label>
          <button type="submit" disabled={busy || !reason.trim()}>Block</button>
          <button type="button" onClick={() => setBlocking(false)}>Cancel</button>
        </form>
      ) : (
        <div class="actions">
          {actionsFor(issue).map((a) => (
            <button type="button" disabled={busy} onClick={() => act(a)} aria-label={`${ACTION_LABEL[a]} ${issue.identifier}`}>{ACTION_LABEL[a]}</button>
          ))}
        </div>
      )}
      <ErrorNote error={error} />
    </article>
  );
}

/** The mission's own tracker key: whether one resolves and from where; set or clear, never shown. */
function TrackerKey({ mid, onChanged }: { mid: string; onChanged: () => void }) {
  const [key, setKey] = useState<{ configured?: boolean; source?: string } | null>(null);
  const [value, setValue] = useState('');
  const path = { params: { path: { mid } } };
  const load = () => void ok(api.GET('/api/missions/{mid}/tracker-key', path)).then(setKey).catch(() => setKey(null));
  useEffect(load, [mid]);
  const { error, busy, run } = useAction(() => { load(); onChanged(); });
  return (
    <form class="panel row tracker-key" aria-label="Tracker key" onSubmit={(e) => {
      e.preventDefault();
      void run(async () => {
        await ok(api.PUT('/api/missions/{mid}/tracker-key', { ...path, body: { key: value } as never }));
        setValue('');
      });
    }}>
      <span data-key-source={key?.source ?? ''}>
        Tracker key: {key?.configured ? `set (${key.source === 'mission' ? "the mission's own" : key.source})` : 'none'}
      </span>
      <label class="grow"><span class="sr-only">New tracker key</span>
        <input type="password" name="tracker_key" autocomplete="off" placeholder="Paste a key to store it encrypted" value={value}
          onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" disabled={busy || !value}>Save key</button>
      {key?.source === 'mission' && <button type="button" disabled={busy}
        onClick={() => run(() => ok(api.DELETE('/api/missions/{mid}/tracker-key', path)))}>Clear</button>}
      <ErrorNote error={error} />
    </form>
  );
}

function when(iso: string): string {
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : t.toLocaleTimeString();
}
