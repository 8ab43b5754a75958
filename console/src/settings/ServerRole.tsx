import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { useAction } from '../app/action';
import { ErrorNote } from '../app/ErrorNote';
import { socket } from '../ws/socket';
import type { components } from '../api/schema.gen';

type ServerMeta = components['schemas']['ServerMeta'];

/**
 * Primary or secondary. There is no GET /api/server/role: the role is read from meta, and kept
 * current from server_info, which every socket gets when anyone changes it.
 */
export function ServerRole() {
  const [meta, setMeta] = useState<ServerMeta | null>(null);
  const [primary, setPrimary] = useState<boolean | null>(null);
  const [choice, setChoice] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = () => {
    ok(api.GET('/api/server/meta')).then((m) => { setMeta(m); setPrimary(m.is_primary ?? null); setError(null); }).catch(setError);
  };
  useEffect(reload, []);
  useEffect(() => socket.onFrame((f) => {
    if (f.type === 'server_info' && typeof f.is_primary === 'boolean') setPrimary(f.is_primary);
  }), []);
  const { error: saveError, busy, run } = useAction(() => setChoice(null));
  const shown = choice ?? primary;
  const apply = (e: Event) => {
    e.preventDefault();
    if (choice === null) return;
    void run(async () => {
      const r = await ok(api.PUT('/api/server/role', { body: { is_primary: choice } }));
      setPrimary(r.is_primary ?? choice);
    });
  };
  return (
    <section class="panel" aria-labelledby="role-title">
      <h2 id="role-title">Server role</h2>
      <p class="muted">With several servers paired to the same clients, the primary one is the control plane: clients read account-wide things such as provider rate limits from it. Every connected client hears a change at once.</p>
      <ErrorNote error={error} onRetry={reload} />
      {primary !== null && (
        <form onSubmit={apply} class="role-form">
          <p>This server is <strong data-role={primary ? 'primary' : 'secondary'}>{primary ? 'primary' : 'secondary'}</strong>
            {meta?.server_version && <span class="muted"> · Flightdeck {meta.server_version}</span>}.</p>
          <fieldset>
            <legend>Role</legend>
            <label class="check"><input type="radio" name="role" value="primary" checked={shown === true} onChange={() => setChoice(true)} /> Primary</label>
            <label class="check"><input type="radio" name="role" value="secondary" checked={shown === false} onChange={() => setChoice(false)} /> Secondary</label>
          </fieldset>
          <button type="submit" disabled={busy || choice === null || choice === primary}>Apply role</button>
          <ErrorNote error={saveError} />
        </form>
      )}
    </section>
  );
}
