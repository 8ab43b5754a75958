import { useState } from 'preact/hooks';
import { signIn, takeSignOutReason } from '../app/auth';
import { ErrorNote } from '../app/ErrorNote';
import { ApiError } from '../api/errors';

export function SignIn() {
  const [token, setToken] = useState('');
  const [reason] = useState(takeSignOutReason());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    // Checked against the server before it is kept, so a mistyped token is said at once.
    try {
      const r = await fetch('/api/server/meta', { headers: { Authorization: `Bearer ${token.trim()}` } });
      if (!r.ok) {
        const env = await r.json().catch(() => ({}));
        throw new ApiError(r.status, env.code ?? 'unauthorized', env.error ?? 'the token was refused');
      }
      signIn(token);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="signin">
      <form class="panel" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to Flightdeck</h1>
        {reason && <p class="notice" role="status">{reason}</p>}
        <p>
          Paste an API token. The server wrote one to <code>~/.flightdeck/auth-token</code> on first start;
          Settings makes more. It is kept only until this tab closes.
        </p>
        <label for="token">API token</label>
        <input id="token" name="token" type="password" autocomplete="off" required value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={busy || !token.trim()}>Sign in</button>
        <ErrorNote error={error} />
      </form>
    </main>
  );
}
