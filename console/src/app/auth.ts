// The token is pasted once and kept for the browser session only (sessionStorage): it is gone when
// the tab closes, and no other site can read it.
const KEY = 'flightdeck.token';
const listeners = new Set<() => void>();

export function getToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function signIn(token: string): void {
  sessionStorage.setItem(KEY, token.trim());
  listeners.forEach((l) => l());
}

/** Forgets the token; the app shows the sign-in page with why. */
export function signOut(reason?: string): void {
  sessionStorage.removeItem(KEY);
  if (reason) sessionStorage.setItem(KEY + '.reason', reason);
  listeners.forEach((l) => l());
}

export function takeSignOutReason(): string | null {
  const r = sessionStorage.getItem(KEY + '.reason');
  sessionStorage.removeItem(KEY + '.reason');
  return r;
}

export function onAuthChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
