import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { socket } from '../ws/socket';
import { ErrorNote } from '../app/ErrorNote';

interface Run { request_id: string; command: string; out: string; outcome?: string; exit_code?: number }

/** A command run in the session's directory; its output streams as shell_output frames. */
export function ShellPanel({ sessionId }: { sessionId: string }) {
  const [command, setCommand] = useState('');
  const [runs, setRuns] = useState<Run[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => socket.onFrame((f) => {
    if (f.session_id !== sessionId || (f.type !== 'shell_output' && f.type !== 'shell_started')) return;
    const id = String(f.request_id);
    setRuns((rs) => rs.map((r) => r.request_id !== id ? r : {
      ...r,
      out: r.out + String(f.stdout ?? '') + String(f.stderr ?? ''),
      outcome: (f.outcome as string | undefined) ?? r.outcome,
      exit_code: (f.exit_code as number | undefined) ?? r.exit_code,
    }));
  }), [sessionId]);
  const exec = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await ok(api.POST('/api/sessions/{id}/conversation/shell/exec', { params: { path: { id: sessionId } }, body: { command } as never })) as { request_id: string };
      setRuns((rs) => [...rs.filter((x) => x.request_id !== r.request_id), { request_id: r.request_id, command, out: '' }]);
      setCommand('');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="panel shell" aria-label="Shell">
      <form onSubmit={exec} class="row">
        <label for="shell-cmd" class="sr-only">Command</label>
        <input id="shell-cmd" value={command} placeholder="Run a command in the session's directory"
          onInput={(e) => setCommand((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={!command.trim()}>Run</button>
      </form>
      <ErrorNote error={error} />
      {runs.map((r) => (
        <div class="shell-run">
          <code>$ {r.command}</code> {r.outcome && <span class={`badge badge-${r.outcome}`}>{r.outcome}{r.exit_code != null ? ` (${r.exit_code})` : ''}</span>}
          <pre class="io out">{r.out}</pre>
        </div>
      ))}
    </section>
  );
}
