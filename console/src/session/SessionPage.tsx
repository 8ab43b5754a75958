import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, ok } from '../api/client';
import { useLive } from '../app/live';
import { ErrorNote } from '../app/ErrorNote';
import { useConversation } from './useConversation';
import { Conversation } from './Conversation';
import { ApprovalCards, type Pending } from './Approvals';
import { Composer } from './Composer';
import { ControlBar, type Controls } from './Controls';
import { ShellPanel } from './Shell';
import { TerminalPanel } from '../terminal/TerminalPanel';
import { label } from '../dashboard/Dashboard';
import type { components } from '../api/schema.gen';

type Detail = components['schemas']['SessionDetailSnapshot'];

export function SessionPage() {
  const { params } = useRoute();
  const id = params.id;
  const detail = useLive<Detail>(`detail:${id}`,
    () => ok(api.GET('/api/sessions/{id}/detail', { params: { path: { id } } })),
    (since) => ({ type: 'subscribe_session_surface', session_id: id, surface: 'detail', ...(since !== undefined ? { since_revision: since } : {}) }),
    (f) => f.type === 'session_surface_invalidated' && f.session_id === id && f.surface === 'detail');
  const convo = useConversation(id);
  const [pending, setPending] = useState<Pending[]>([]);
  const [controls, setControls] = useState<Controls | null>(null);
  const [cost, setCost] = useState<{ estimated_cost_usd: number } | null>(null);
  const [sideError, setSideError] = useState<unknown>(null);
  const [showShell, setShowShell] = useState(false);
  const [showTerminal, setShowTerminal] = useState(false);
  const revision = detail.data?.revision;

  // What hangs off the detail (pending requests, control availability, cost) is read again at
  // every new detail revision: an approval, a turn or a token update each makes one.
  const refreshSide = () => {
    Promise.all([
      ok(api.GET('/api/approvals', { params: { query: { session_id: id, limit: 100 } as never } })) as Promise<unknown> as Promise<{ approvals: Pending[] }>,
      ok(api.GET('/api/sessions/{id}/controls', { params: { path: { id } } })) as Promise<unknown> as Promise<{ controls: Controls }>,
      ok(api.GET('/api/sessions/{id}/usage/turns', { params: { path: { id }, query: { limit: 1 } as never } })) as Promise<unknown> as Promise<{ summary: { estimated_cost_usd: number } }>,
    ]).then(([a, c, u]) => {
      setPending(a.approvals.filter((x) => x.decision == null));
      setControls(c.controls);
      setCost(u.summary);
      setSideError(null);
    }).catch(setSideError);
  };
  useEffect(refreshSide, [id, revision]);

  const s = detail.data?.session;
  const status = s?.work_status ?? s?.status ?? '';
  const ended = s?.status === 'ended' || s?.lifecycle_state === 'ended';
  const t = s?.token_usage;
  return (
    <section class="session" aria-labelledby="session-title">
      <header class="session-head">
        <div>
          <h1 id="session-title">{s?.display_title ?? id}</h1>
          <p class="meta">
            <span class={`badge badge-${status}`} data-work-status={status}>{label(status)}</span>
            {' '}{s?.provider} · {s?.model ?? 'default model'} · <code>{s?.current_cwd ?? s?.project_path}</code>
          </p>
        </div>
        <dl class="tokens" aria-label="Tokens and cost">
          <div><dt>In</dt><dd>{fmt(t?.input_tokens)}</dd></div>
          <div><dt>Out</dt><dd>{fmt(t?.output_tokens)}</dd></div>
          <div><dt>Cached</dt><dd>{fmt(t?.cached_tokens)}</dd></div>
          <div><dt>Cost</dt><dd>{cost ? `$${cost.estimated_cost_usd.toFixed(4)}` : '—'}</dd></div>
        </dl>
      </header>
      <nav class="tabs" aria-label="Session views">
        <a href={`/sessions/${id}/review`}>Review</a>
        <button type="button" class="link-button" aria-expanded={showShell} onClick={() => setShowShell(!showShell)}>Shell</button>
        {!ended && <button type="button" class="link-button" aria-expanded={showTerminal} onClick={() => setShowTerminal(!showTerminal)}>Terminal</button>}
      </nav>
      <ErrorNote error={detail.error} onRetry={detail.reload} />
      <ErrorNote error={sideError} onRetry={refreshSide} />
      <ErrorNote error={convo.error} />
      <ControlBar sessionId={id} controls={controls} ended={ended} onChanged={refreshSide} />
      {showShell && <ShellPanel sessionId={id} />}
      {showTerminal && !ended && <TerminalPanel sessionId={id} />}
      {convo.state && <Conversation sessionId={id} rows={convo.state.rows} hasMoreBefore={convo.state.hasMoreBefore} onLoadOlder={() => void convo.loadOlder()} />}
      <ApprovalCards sessionId={id} pending={pending} onDone={refreshSide} />
      <Composer sessionId={id} steerable={!!s?.steerable} canSend={!ended} />
    </section>
  );
}

function fmt(n: number | undefined | null): string {
  return n == null ? '—' : n.toLocaleString();
}
