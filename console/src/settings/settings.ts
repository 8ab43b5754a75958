import type { components } from '../api/schema.gen';

export type TokenInfo = components['schemas']['TokenInfo'];
export type TrackerKeyStatus = components['schemas']['TrackerKeyStatus'];

// Database tokens are fdk_<12-character id>_<43-character secret>, both base64url (which may itself
// hold '_'), so the id is found by position, as the server's TokenFormat does.
const TOKEN = /^fdk_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;

/** The id of the token this browser signed in with, or null for the static token or anything else. */
export function tokenIdOf(token: string | null): string | null {
  const m = token ? TOKEN.exec(token) : null;
  return m ? m[1] : null;
}

export type TokenState = 'live' | 'revoked' | 'expired';

export function tokenState(t: TokenInfo, nowMs: number): TokenState {
  if (t.revoked_at) return 'revoked';
  if (t.expires_at && Date.parse(t.expires_at) <= nowMs) return 'expired';
  return 'live';
}

/** Live tokens first, each group newest first: the ones a person may still act on lead. */
export function sortTokens(tokens: TokenInfo[], nowMs: number): TokenInfo[] {
  const rank = (t: TokenInfo) => (tokenState(t, nowMs) === 'live' ? 0 : 1);
  const at = (t: TokenInfo) => (t.created_at ? Date.parse(t.created_at) : 0);
  return [...tokens].sort((a, b) => rank(a) - rank(b) || at(b) - at(a) || (a.id ?? '').localeCompare(b.id ?? ''));
}

/**
 * A datetime-local field's value (the browser's wall time, no zone) as the RFC 3339 instant the
 * server takes; empty means "never expires".
 */
export function expiryInstant(local: string): string | null {
  if (!local.trim()) return null;
  const ms = new Date(local).getTime();
  if (Number.isNaN(ms)) throw new Error(`“${local}” is not a date and time`);
  return new Date(ms).toISOString();
}

export type Tracker = 'linear' | 'github';

export const ENV_NAME: Record<Tracker, string> = { linear: 'LINEAR_API_KEY', github: 'GITHUB_TOKEN' };

/** Where the key in force comes from, in words; the key itself is never known to the console. */
export function keyStatusText(tracker: Tracker, s: TrackerKeyStatus | undefined): string {
  if (!s?.configured) return 'Not configured';
  if (s.source === 'env') return `Configured from the server's environment (${ENV_NAME[tracker]})`;
  if (s.source === 'settings') return 'Configured, stored in the server settings (encrypted)';
  return `Configured (${s.source ?? 'source not said'})`;
}

/** A timestamp for a table cell: the browser's local date and time, or a dash when there is none. */
export function when(iso: string | undefined | null): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toLocaleString();
}
