import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { useAction } from '../app/action';
import { ErrorNote } from '../app/ErrorNote';
import { getToken, signOut } from '../app/auth';
import type { components } from '../api/schema.gen';
import { expiryInstant, sortTokens, tokenIdOf, tokenState, when, type TokenInfo } from './settings';

type TokenCreated = components['schemas']['TokenCreated'];

/**
 * API tokens: create (the secret is shown here once, as the server sends it only in the create
 * response), list without secrets, and revoke. The token this browser signed in with is marked, and
 * revoking it asks first, because the server then closes this console's socket and refuses its calls.
 */
export function Tokens() {
  const [tokens, setTokens] = useState<TokenInfo[] | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [showAll, setShowAll] = useState(false);
  const reload = () => {
    ok(api.GET('/api/auth/tokens')).then((r) => { setTokens(r.tokens ?? []); setListError(null); }).catch(setListError);
  };
  useEffect(reload, []);
  const mine = tokenIdOf(getToken());
  const now = Date.now();
  const all = sortTokens(tokens ?? [], now);
  const live = all.filter((t) => tokenState(t, now) === 'live');
  const shown = showAll ? all : live;
  return (
    <section class="panel settings-tokens" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p class="muted">Tokens open this server's REST API and WebSocket to the console, OrbitDock apps and scripts. The server keeps only a salted hash of each.</p>
      <CreateToken onCreated={(c) => { setCreated(c); reload(); }} />
      {created && <CreatedToken created={created} onDone={() => setCreated(null)} />}
      <ErrorNote error={listError} onRetry={reload} />
      {mine === null && tokens && (
        <p class="muted">This browser is signed in with the server's static token (FLIGHTDECK_AUTH_TOKEN), which is not in this list.</p>
      )}
      {tokens && (
        <>
          <label class="check">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll((e.target as HTMLInputElement).checked)} />
            Show revoked and expired tokens ({all.length - live.length})
          </label>
          {shown.length === 0 ? <p>No live tokens.</p> : (
            <div class="table-scroll">
              <table class="figures-table tokens-table" aria-labelledby="tokens-title">
                <thead>
                  <tr><th scope="col">Label</th><th scope="col">Kind</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col">State</th><th scope="col"><span class="sr-only">Actions</span></th></tr>
                </thead>
                <tbody>
                  {shown.map((t) => <TokenRow key={t.id} t={t} state={tokenState(t, now)} isMine={t.id === mine} onRevoked={reload} />)}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function CreateToken({ onCreated }: { onCreated: (c: TokenCreated) => void }) {
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState('app');
  const [expires, setExpires] = useState('');
  const { error, busy, run } = useAction(() => {});
  const submit = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const expires_at = expiryInstant(expires);
      const c = await ok(api.POST('/api/auth/tokens', { body: { label: label.trim(), kind, ...(expires_at ? { expires_at } : {}) } }));
      setLabel('');
      setExpires('');
      onCreated(c);
    });
  };
  return (
    <form class="create-token" onSubmit={submit} aria-label="Create a token">
      <div class="fields">
        <label>Label
          <input name="label" required maxLength={200} value={label} placeholder="laptop, CI, phone…"
            onInput={(e) => setLabel((e.target as HTMLInputElement).value)} />
        </label>
        <label>Kind
          <select name="kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
            <option value="app">App (full API)</option>
            <option value="workspace_sync">Workspace sync</option>
          </select>
        </label>
        <label>Expires (optional)
          <input name="expires_at" type="datetime-local" value={expires} onInput={(e) => setExpires((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="primary" disabled={busy || !label.trim()}>Create token</button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}

function CreatedToken({ created, onDone }: { created: TokenCreated; onDone: () => void }) {
  const [copied, setCopied] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus lands on the news, so a screen reader says it and the keyboard is next to Copy.
  useEffect(() => heading.current?.focus(), [created.id]);
  const copy = async () => {
    const secret = created.token ?? '';
    try {
      // The Clipboard API exists only in secure contexts; a phone on plain http falls back to a selection.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      field.current?.select();
      const done = document.execCommand?.('copy') ?? false;
      setCopied(done ? 'Copied to the clipboard.' : 'The browser does not allow copying here: the token is selected, copy it with the keyboard.');
    }
  };
  return (
    <section class="created-token" aria-labelledby="created-title" data-token-id={created.id}>
      <h3 id="created-title" tabIndex={-1} ref={heading}>Token “{created.label}” created</h3>
      <p class="warn-box" role="note"><strong>This is the only time the token is shown.</strong> Copy it now and keep it somewhere safe; if it is lost, revoke it and create another.</p>
      <div class="row">
        <label class="grow">The new token
          <input ref={field} class="secret-value" readOnly value={created.token} spellcheck={false} autoComplete="off"
            onFocus={(e) => (e.target as HTMLInputElement).select()} />
        </label>
        <button type="button" onClick={copy}>Copy</button>
      </div>
      <p role="status" class="muted">{copied}</p>
      <button type="button" onClick={onDone}>I have stored it — hide it</button>
    </section>
  );
}

function TokenRow({ t, state, isMine, onRevoked }: { t: TokenInfo; state: string; isMine: boolean; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { error, busy, run } = useAction(() => {
    if (isMine) signOut('You revoked the token this browser was signed in with. Sign in with another one.');
    else onRevoked();
  });
  const revoke = () => run(() => ok(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id: t.id! } } })));
  return (
    <tr data-token-id={t.id} data-state={state} class={state === 'live' ? '' : 'muted'}>
      <th scope="row">{t.label}{isMine && <span class="tag mine">this browser</span>}</th>
      <td>{t.kind === 'workspace_sync' ? 'workspace sync' : t.kind}</td>
      <td>{when(t.created_at)}</td>
      <td>{when(t.last_used_at)}</td>
      <td>{t.expires_at ? when(t.expires_at) : 'never'}</td>
      <td>{state === 'revoked' ? `revoked ${when(t.revoked_at)}` : state}</td>
      <td class="row-actions">
        {state === 'live' && !confirming && (
          <button type="button" class="danger" onClick={() => setConfirming(true)} aria-label={`Revoke ${t.label}`}>Revoke</button>
        )}
        {confirming && (
          <div class="confirm" role="group" aria-label={`Confirm revoking ${t.label}`}>
            <span>{isMine
              ? 'This browser is signed in with this token: revoking it signs you out here at once.'
              : 'Anything using it stops working at once.'}</span>
            <button type="button" class="danger" disabled={busy} onClick={revoke}>{isMine ? 'Revoke and sign out' : 'Yes, revoke'}</button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        )}
        <ErrorNote error={error} />
      </td>
    </tr>
  );
}
