import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { useAction } from '../app/action';
import { ErrorNote } from '../app/ErrorNote';
import type { components } from '../api/schema.gen';
import { ENV_NAME, keyStatusText, type Tracker } from './settings';

type TrackerKeysStatus = components['schemas']['TrackerKeysStatus'];

/**
 * The server-wide Linear and GitHub keys missions use when a mission has none of its own. A key goes
 * to the server and never comes back: the page knows only whether one is in force and from where.
 */
export function TrackerKeys() {
  const [status, setStatus] = useState<TrackerKeysStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = () => {
    ok(api.GET('/api/server/tracker-keys')).then((s) => { setStatus(s); setError(null); }).catch(setError);
  };
  useEffect(reload, []);
  return (
    <section class="panel" aria-labelledby="keys-title">
      <h2 id="keys-title">Tracker keys</h2>
      <p class="muted">Server-wide keys for missions that track Linear issues or GitHub issues. A mission's own key comes first, then the server's environment, then the key stored here.</p>
      <ErrorNote error={error} onRetry={reload} />
      {status && (
        <div class="keys">
          <KeyForm tracker="linear" name="Linear" what="API key" status={status} onChange={reload} />
          <KeyForm tracker="github" name="GitHub" what="token" status={status} onChange={reload} />
        </div>
      )}
    </section>
  );
}

function KeyForm({ tracker, name, what, status, onChange }: { tracker: Tracker; name: string; what: string; status: TrackerKeysStatus; onChange: () => void }) {
  const [key, setKey] = useState('');
  const [said, setSaid] = useState('');
  const { error, busy, run } = useAction(onChange);
  const s = status[tracker];
  const fromEnv = s?.configured && s.source === 'env';
  const id = `key-${tracker}`;
  const save = (e: Event) => {
    e.preventDefault();
    const value = key.trim();
    void run(async () => {
      setSaid('');
      await ok(tracker === 'linear'
        ? api.POST('/api/server/linear-key', { body: { key: value } })
        : api.POST('/api/server/github-key', { body: { key: value } }));
      // The field is emptied once the server has the key: it is not kept in the page any longer than needed.
      setKey('');
      setSaid(`${name} ${what} saved.`);
    });
  };
  const clear = () => run(async () => {
    setSaid('');
    const r = await ok(tracker === 'linear' ? api.DELETE('/api/server/linear-key') : api.DELETE('/api/server/github-key'));
    setSaid(r.configured ? `Stored ${name} ${what} cleared; the environment's key stays in force.` : `${name} ${what} cleared.`);
  });
  return (
    <form class="key-form" onSubmit={save} aria-labelledby={`${id}-title`} data-tracker={tracker}>
      <h3 id={`${id}-title`}>{name}</h3>
      <p class={s?.configured ? 'key-status on' : 'key-status'} data-configured={s?.configured ? 'true' : 'false'} data-source={s?.source ?? ''}>
        {keyStatusText(tracker, s)}
      </p>
      {fromEnv && (
        <p class="muted">The environment's key wins over a stored one: a key saved here is used only once {ENV_NAME[tracker]} is unset, and clearing leaves the environment's key in force.</p>
      )}
      <label>New {name} {what}
        <input id={`${id}-input`} name={`${tracker}-key`} type="password" autoComplete="off" spellcheck={false} value={key}
          onInput={(e) => setKey((e.target as HTMLInputElement).value)} />
      </label>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || !key.trim()}>Save {name} {what}</button>
        <button type="button" class="danger" disabled={busy || !s?.configured} onClick={clear}>Clear stored {what}</button>
      </div>
      <p role="status" class="muted">{said}</p>
      <ErrorNote error={error} />
    </form>
  );
}
