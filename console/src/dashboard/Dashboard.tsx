import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { activeSessions, orderedSessions, type DashboardItem } from './active';
import { ErrorNote } from '../app/ErrorNote';
import { QuickCreate } from './QuickCreate';
import { useListKeys } from '../app/keys';

export function Dashboard() {
  const data = activeSessions.use();
  const { route } = useLocation();
  const [showCreate, setShowCreate] = useState(false);
  const byId = new Map((data?.conversations ?? []).map((c) => [c.session_id, c]));
  const ordered = orderedSessions(data);
  const onKey = useListKeys(ordered.length);
  const counts = data?.counts;
  return (
    <section aria-labelledby="dash-title">
      <div class="row-between">
        <h1 id="dash-title">Active sessions</h1>
        <button type="button" onClick={() => setShowCreate(!showCreate)} aria-expanded={showCreate}>New session</button>
      </div>
      {showCreate && <QuickCreate onCreated={(id) => route(`/sessions/${id}`)} />}
      <ErrorNote error={activeSessions.error} onRetry={() => activeSessions.reload()} />
      {counts && (
        <p class="counts" aria-label="Counts">
          <span class="pill attention">{counts.attention ?? 0} need you</span>
          <span class="pill working">{counts.running ?? 0} working</span>
          <span class="pill ready">{counts.ready ?? 0} ready</span>
        </p>
      )}
      {data && ordered.length === 0 && <p>No active sessions. Start one with “New session”.</p>}
      <div onKeyDown={onKey}>
        {(data?.project_groups ?? []).map((g) => (
          <section class="group" aria-label={g.name ?? g.path}>
            <h2>{g.name} <small>{g.path}</small>
              <span class="group-counts">{g.attention_count ? ` · ${g.attention_count} need you` : ''}{g.working_count ? ` · ${g.working_count} working` : ''}{g.ready_count ? ` · ${g.ready_count} ready` : ''}</span>
            </h2>
            <ul class="sessions">
              {(g.session_ids ?? []).map((id) => byId.get(id)).filter(Boolean).map((c) => (
                <li><SessionCard item={c!} index={ordered.indexOf(c!)} /></li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

function SessionCard({ item, index }: { item: DashboardItem; index: number }) {
  const status = item.work_status ?? item.status ?? '';
  return (
    <a class={`card status-${status}`} href={`/sessions/${item.session_id}`} data-index={index} data-session-id={item.session_id}>
      <span class="card-title">{item.display_title ?? item.session_id}</span>
      <span class={`badge badge-${status}`}>{label(status)}</span>
      <span class="card-meta">{item.provider} · {item.model ?? 'default model'}{item.git_branch ? ` · ${item.git_branch}` : ''}</span>
      {item.context_line && <span class="card-line">{item.context_line}</span>}
    </a>
  );
}

export function label(status: string): string {
  switch (status) {
    case 'permission': return 'needs approval';
    case 'question': return 'has a question';
    case 'working': return 'working';
    case 'waiting': return 'ready';
    case 'reply': return 'ready';
    case 'ended': return 'ended';
    default: return status || 'unknown';
  }
}
