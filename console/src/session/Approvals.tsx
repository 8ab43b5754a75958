import { useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { useAction } from '../app/action';
import { ErrorNote } from '../app/ErrorNote';

export interface Pending {
  id: number;
  request_id: string;
  approval_type: string;
  tool_name?: string | null;
  command?: string | null;
  file_path?: string | null;
  cwd?: string | null;
  tool_input?: string | null;
  decision?: string | null;
}

/**
 * One card per request waiting for a person, answered in place: a tool approval (approve, for the
 * session, deny, with a message), a question, or a permission request. On the card, A approves
 * and D denies.
 */
export function ApprovalCards({ sessionId, pending, onDone }: { sessionId: string; pending: Pending[]; onDone: () => void }) {
  if (pending.length === 0) return null;
  return (
    <section class="approvals" aria-label="Waiting for you">
      {pending.map((p) => <Card key={p.request_id} sessionId={sessionId} p={p} onDone={onDone} />)}
    </section>
  );
}

function Card({ sessionId, p, onDone }: { sessionId: string; p: Pending; onDone: () => void }) {
  const [message, setMessage] = useState('');
  const [answer, setAnswer] = useState('');
  const { error, busy, run } = useAction(onDone);
  const path = { id: sessionId, request_id: p.request_id };
  const decide = (decision: string) => run(() => ok(api.POST('/api/sessions/{id}/approvals/requests/{request_id}/decision', {
    params: { path }, body: { decision, ...(message.trim() ? { message: message.trim() } : {}) },
  })));
  const isQuestion = p.approval_type === 'question';
  const isPermission = p.approval_type === 'permissions';
  const title = isQuestion ? 'The agent asks' : isPermission ? 'Permission request' : `Approve ${p.tool_name ?? p.approval_type}?`;
  const onKey = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'TEXTAREA' || (e.target as HTMLElement).tagName === 'INPUT' || busy) return;
    if (isQuestion || isPermission) return;
    if (e.key === 'a') { e.preventDefault(); void decide('approved'); }
    if (e.key === 'd') { e.preventDefault(); void decide('denied'); }
  };
  return (
    <article class="approval" tabIndex={0} onKeyDown={onKey} aria-label={title} data-request-id={p.request_id}>
      <h3>{title}</h3>
      {p.command && <pre class="cmd">{p.command}</pre>}
      {p.file_path && <p><code>{p.file_path}</code></p>}
      {!p.command && !p.file_path && p.tool_input && <pre class="cmd">{pretty(p.tool_input)}</pre>}
      {isQuestion ? (
        <form onSubmit={(e) => { e.preventDefault(); void run(() => ok(api.POST('/api/sessions/{id}/questions/requests/{request_id}/answer', { params: { path }, body: { answer } }))); }}>
          <label>Your answer <input value={answer} onInput={(e) => setAnswer((e.target as HTMLInputElement).value)} /></label>
          <button type="submit" disabled={busy || !answer.trim()}>Answer</button>
        </form>
      ) : isPermission ? (
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => run(() => ok(api.POST('/api/sessions/{id}/permissions/requests/{request_id}/response', { params: { path }, body: { scope: 'turn' } })))}>Allow for this turn</button>
          <button type="button" disabled={busy} onClick={() => run(() => ok(api.POST('/api/sessions/{id}/permissions/requests/{request_id}/response', { params: { path }, body: { scope: 'session' } })))}>Allow for the session</button>
          <button type="button" class="danger" disabled={busy} onClick={() => decide('denied')}>Deny</button>
        </div>
      ) : (
        <>
          <label>Message to the agent (optional)
            <input value={message} onInput={(e) => setMessage((e.target as HTMLInputElement).value)} />
          </label>
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => decide('approved')} aria-keyshortcuts="a">Approve</button>
            <button type="button" disabled={busy} onClick={() => decide('approved_for_session')}>Approve for session</button>
            <button type="button" class="danger" disabled={busy} onClick={() => decide('denied')} aria-keyshortcuts="d">Deny</button>
          </div>
        </>
      )}
      <ErrorNote error={error} />
    </article>
  );
}

function pretty(s: string): string {
  try {
    return JSON.stringify(JSON.parse(s), null, 2);
  } catch {
    return s;
  }
}
