import { useEffect, useState } from 'preact/hooks';
import { socket } from '../ws/socket';
import { api, ok } from '../api/client';
import { ErrorNote } from '../app/ErrorNote';
import { getToken } from '../app/auth';
import { ApiError } from '../api/errors';

interface Image { input_type: string; value: string; mime_type?: string; display_name?: string }

/**
 * Message, or steer while a turn runs; images are uploaded as attachments first. Model and effort
 * apply to this message only. The agent's guess at the next prompt (prompt_suggestion) is offered
 * above an empty box, to take with one click.
 */
export function Composer({ sessionId, steerable, canSend }: { sessionId: string; steerable: boolean; canSend: boolean }) {
  const [text, setText] = useState('');
  const [model, setModel] = useState('');
  const [effort, setEffort] = useState('');
  const [images, setImages] = useState<Image[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [suggestion, setSuggestion] = useState<string | null>(null);

  useEffect(() => {
    setSuggestion(null);
    return socket.onFrame((f) => {
      if (f.type === 'prompt_suggestion' && f.session_id === sessionId && typeof f.suggestion === 'string') {
        setSuggestion(f.suggestion);
      }
    });
  }, [sessionId]);

  const send = async (mode: 'auto' | 'message') => {
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    setSuggestion(null);
    try {
      const path = { id: sessionId };
      if (steerable && mode === 'auto') {
        await ok(api.POST('/api/sessions/{id}/conversation/steer', { params: { path }, body: { content: text, images } }));
      } else {
        const body: Record<string, unknown> = { content: text, images };
        if (model.trim()) body.model = model.trim();
        if (effort) body.effort = effort;
        await ok(api.POST('/api/sessions/{id}/conversation/messages', { params: { path }, body: body as never }));
      }
      setText('');
      setImages([]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const attach = async (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) {
      try {
        // Raw bytes with their type: openapi-fetch would JSON-encode the body.
        const r = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/conversation/attachments/images?display_name=${encodeURIComponent(f.name)}`, {
          method: 'POST', headers: { Authorization: `Bearer ${getToken()}`, 'Content-Type': f.type }, body: f,
        });
        const j = await r.json();
        if (!r.ok) throw new ApiError(r.status, j.code, j.error);
        setImages((prev) => [...prev, j.image as Image]);
      } catch (e) {
        setError(e);
      }
    }
  };

  return (
    <form class="composer" onSubmit={(e) => { e.preventDefault(); void send('auto'); }} aria-label="Message the agent">
      {suggestion && !text && (
        <button type="button" class="suggestion" aria-label={`Use the suggestion: ${suggestion}`}
          onClick={() => { setText(suggestion); setSuggestion(null); document.getElementById('composer-text')?.focus(); }}>
          Suggested: {suggestion}
        </button>
      )}
      <label for="composer-text" class="sr-only">{steerable ? 'Steer the running turn' : 'Message'}</label>
      <textarea id="composer-text" rows={3} value={text} disabled={!canSend}
        placeholder={steerable ? 'Steer the running turn… (Ctrl+Enter)' : 'Message the agent… (Ctrl+Enter)'}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void send('auto'); } }} />
      <div class="composer-bar">
        <label>Model <input size={12} value={model} onInput={(e) => setModel((e.target as HTMLInputElement).value)} placeholder="session's" /></label>
        <label>Effort
          <select value={effort} onChange={(e) => setEffort((e.target as HTMLSelectElement).value)}>
            <option value="">session's</option><option>low</option><option>medium</option><option>high</option>
          </select>
        </label>
        <label class="file">Images <input type="file" accept="image/png,image/jpeg,image/gif,image/webp" multiple onChange={(e) => attach((e.target as HTMLInputElement).files)} /></label>
        {images.length > 0 && <span>{images.length} image(s)</span>}
        <span class="grow" />
        {steerable && <button type="button" disabled={busy || !text.trim()} onClick={() => send('message')}>Send as new message</button>}
        <button type="submit" class="primary" disabled={busy || !text.trim() || !canSend}>{steerable ? 'Steer' : 'Send'}</button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
