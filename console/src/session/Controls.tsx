import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, ok } from '../api/client';
import { useAction } from '../app/action';
import { ErrorNote } from '../app/ErrorNote';

export interface Control { supported: boolean; available: boolean; max_count?: number | null }
export type Controls = Record<string, Control>;

/** Interrupt, compact, undo, rollback and fork, each enabled as the server's …/controls says. */
export function ControlBar({ sessionId, controls, ended, onChanged }: {
  sessionId: string; controls: Controls | null; ended: boolean; onChanged: () => void;
}) {
  const { route } = useLocation();
  const { error, busy, run } = useAction(onChanged);
  const [turns, setTurns] = useState(1);
  const path = { params: { path: { id: sessionId } } };
  const can = (k: string) => !busy && !!controls?.[k]?.available;
  const maxTurns = controls?.rollback_turns?.max_count ?? 1;
  return (
    <div class="controls" role="toolbar" aria-label="Session controls">
      <button type="button" disabled={!can('stop_active_turn')} onClick={() => run(() => ok(api.POST('/api/sessions/{id}/controls/stop-active-turn', path)))}>Interrupt</button>
      <button type="button" disabled={!can('compact_context')} onClick={() => run(() => ok(api.POST('/api/sessions/{id}/controls/compact-context', path)))}>Compact</button>
      <button type="button" disabled={!can('undo_last_turn')} onClick={() => run(() => ok(api.POST('/api/sessions/{id}/controls/undo-last-turn', path)))}>Undo last turn</button>
      <span class="inline">
        <label>Roll back <input type="number" min={1} max={Math.max(1, maxTurns)} value={turns} size={3}
          onInput={(e) => setTurns(Number((e.target as HTMLInputElement).value))} /> turn(s)</label>
        <button type="button" disabled={!can('rollback_turns')} onClick={() => run(() => ok(api.POST('/api/sessions/{id}/controls/rollback-turns', { ...path, body: { num_turns: turns } })))}>Roll back</button>
      </span>
      <button type="button" disabled={busy} onClick={() => run(async () => {
        const r = await ok(api.POST('/api/sessions/{id}/lifecycle/fork', { ...path, body: {} as never })) as { new_session_id: string };
        route(`/sessions/${r.new_session_id}`);
      })}>Fork</button>
      {ended
        ? <button type="button" disabled={busy} onClick={() => run(() => ok(api.POST('/api/sessions/{id}/lifecycle/resume', path)))}>Resume</button>
        : <button type="button" class="danger" disabled={busy} onClick={() => run(() => ok(api.POST('/api/sessions/{id}/lifecycle/end', path)))}>End session</button>}
      <ErrorNote error={error} />
    </div>
  );
}
