import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, ok } from '../api/client';
import { useLive } from '../app/live';
import { ErrorNote } from '../app/ErrorNote';
import { commentLine, parseUnified, type DiffRow, type FileDiff } from './unified';
import { highlight, languageOf } from './highlight';

interface Comment {
  id: string;
  turn_id?: string | null;
  file_path: string;
  line_start: number;
  line_end?: number | null;
  body: string;
  tag?: string | null;
  status: string;
}

interface Review {
  session_id: string;
  revision: number;
  current_diff?: string | null;
  cumulative_diff?: string | null;
  turn_diffs: { turn_id: string; diff?: string | null }[];
  comments: Comment[];
}

const TAGS = ['clarity', 'scope', 'risk', 'nit'];

/**
 * A session's review: the current diff (working tree against HEAD), the cumulative one (since the
 * session began) or one turn's, coloured by language. A line number opens a comment form; open
 * comments can be sent to the agent as a steer (while a turn runs) or as a new message.
 */
export function ReviewPage() {
  const { params } = useRoute();
  const id = params.id;
  const review = useLive<Review>(`review:${id}`,
    () => ok(api.GET('/api/sessions/{id}/review', { params: { path: { id } } })) as Promise<unknown> as Promise<Review>,
    (since) => ({ type: 'subscribe_session_surface', session_id: id, surface: 'review', ...(since !== undefined ? { since_revision: since } : {}) }),
    (f) => f.session_id === id && (f.type.startsWith('review_comment_') || (f.type === 'session_surface_invalidated' && f.surface === 'review')));
  const [view, setView] = useState('current');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const r = review.data;
  const text = !r ? null : view === 'current' ? r.current_diff : view === 'cumulative' ? r.cumulative_diff
    : r.turn_diffs.find((t) => t.turn_id === view)?.diff;
  const files = parseUnified(text);
  const turnId = view !== 'current' && view !== 'cumulative' ? view : undefined;
  const open = (r?.comments ?? []).filter((c) => c.status === 'open');

  const send = async (mode: 'steer' | 'message') => {
    setError(null);
    try {
      await ok(api.POST('/api/sessions/{id}/review/comments/send', {
        params: { path: { id } }, body: { comment_ids: [...selected], mode } as never,
      }));
      setSent(`${selected.size} comment${selected.size === 1 ? '' : 's'} sent to the agent.`);
      setSelected(new Set());
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section class="review" aria-labelledby="review-title">
      <header class="row-between">
        <h1 id="review-title">Review</h1>
        <a href={`/sessions/${id}`}>Back to the session</a>
      </header>
      <ErrorNote error={review.error} onRetry={review.reload} />
      <div class="tabs" role="tablist" aria-label="Which diff">
        {[['current', 'Current'], ['cumulative', 'Cumulative'], ...(r?.turn_diffs ?? []).map((t) => [t.turn_id, t.turn_id])].map(([key, name]) => (
          <button type="button" role="tab" aria-selected={view === key} onClick={() => setView(key)}>{name}</button>
        ))}
      </div>
      {r && files.length === 0 && <p class="muted">No changes in this diff.</p>}
      {files.map((f) => (
        <FileView sessionId={id} file={f} turnId={turnId}
          comments={(r?.comments ?? []).filter((c) => c.file_path === f.path)} onError={setError} />
      ))}
      <section class="panel" aria-labelledby="open-comments">
        <h2 id="open-comments">Open comments ({open.length})</h2>
        <ul class="comment-list">
          {open.map((c) => (
            <li>
              <label class="check">
                <input type="checkbox" checked={selected.has(c.id)} onChange={(e) => {
                  const next = new Set(selected);
                  if ((e.target as HTMLInputElement).checked) next.add(c.id); else next.delete(c.id);
                  setSelected(next);
                }} />
                <code>{c.file_path}:{c.line_start}</code> {c.tag && <span class="tag">{c.tag}</span>} {c.body}
              </label>
            </li>
          ))}
        </ul>
        <div class="row">
          <button type="button" class="primary" disabled={selected.size === 0} onClick={() => void send('steer')}>Send to agent</button>
          <button type="button" disabled={selected.size === 0} onClick={() => void send('message')}>Send as a new message</button>
        </div>
        {sent && <p role="status">{sent}</p>}
        <ErrorNote error={error} />
      </section>
    </section>
  );
}

function FileView({ sessionId, file, turnId, comments, onError }: {
  sessionId: string; file: FileDiff; turnId?: string; comments: Comment[]; onError: (e: unknown) => void;
}) {
  const [at, setAt] = useState<number | null>(null);
  const lang = languageOf(file.path);
  return (
    <section class="file" aria-label={file.path}>
      <h2 class="file-head"><code>{file.path}</code> <span class="add">+{file.added}</span> <span class="del">−{file.removed}</span></h2>
      <div class="diff" role="table" aria-label={`Diff of ${file.path}`}>
        {file.rows.map((row, i) => {
          const line = commentLine(row);
          const here = comments.filter((c) => line !== undefined && c.line_start === line && row.kind !== 'del');
          return (
            <>
              <div class={`dl dl-${row.kind}`} role="row" data-line={line ?? ''}>
                {row.kind === 'hunk' || row.kind === 'note' ? <span class="lt" role="cell">{row.text}</span> : (
                  <>
                    <button type="button" class="ln" onClick={() => setAt(at === i ? null : i)}
                      aria-label={`Comment on ${file.path} ${row.kind === 'del' ? 'removed ' : ''}line ${line}`}>{line}</button>
                    <span class="sign" aria-hidden="true">{row.kind === 'add' ? '+' : row.kind === 'del' ? '−' : ' '}</span>
                    <span class="lt" role="cell">{highlight(row.text, lang).map((s) => s.cls ? <span class={`hl-${s.cls}`}>{s.text}</span> : s.text)}</span>
                  </>
                )}
              </div>
              {here.map((c) => <div class={`comment status-${c.status}`} role="note">{c.tag && <span class="tag">{c.tag}</span>} {c.body}</div>)}
              {at === i && line !== undefined && (
                <CommentForm sessionId={sessionId} path={file.path} line={line} turnId={turnId} row={row}
                  onDone={() => setAt(null)} onError={onError} />
              )}
            </>
          );
        })}
      </div>
    </section>
  );
}

function CommentForm({ sessionId, path, line, turnId, onDone, onError }: {
  sessionId: string; path: string; line: number; turnId?: string; row: DiffRow; onDone: () => void; onError: (e: unknown) => void;
}) {
  const [body, setBody] = useState('');
  const [tag, setTag] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await ok(api.POST('/api/sessions/{id}/review/comments', {
        params: { path: { id: sessionId } },
        body: { file_path: path, line_start: line, body, ...(tag ? { tag } : {}), ...(turnId ? { turn_id: turnId } : {}) } as never,
      }));
      onDone();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <form class="comment-form" onSubmit={submit} aria-label={`Comment on line ${line}`}>
      <label>Comment <textarea required rows={2} value={body} onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} autoFocus /></label>
      <label>Tag
        <select value={tag} onChange={(e) => setTag((e.target as HTMLSelectElement).value)}>
          <option value="">none</option>
          {TAGS.map((t) => <option value={t}>{t}</option>)}
        </select>
      </label>
      <button type="submit" class="primary">Add comment</button>
      <button type="button" onClick={onDone}>Cancel</button>
    </form>
  );
}
