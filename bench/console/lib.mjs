// Shared by the console benchmarks: Debian's Chromium driven by playwright-core, signed in to the
// throwaway server bench/console.sh started (BENCH_BASE, BENCH_TOKEN).
import { createRequire } from 'node:module';

// playwright-core is the console's devDependency; ES modules ignore NODE_PATH, so it is resolved
// from console/package.json, wherever node is started.
const require = createRequire(new URL('../../console/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const BASE = process.env.BENCH_BASE ?? 'http://127.0.0.1:4250';
export const TOKEN = process.env.BENCH_TOKEN ?? '';

export function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // As the console's browser tests (console/e2e/lib.mjs): the machine's network is closed, and
    // Chromium's own background connections would otherwise fail, many at a time, while measuring.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * A fresh context (empty cache, no storage) whose pages start signed in: the token is put where
 * console/src/app/auth.ts keeps it before any script of the page runs, so a load measures the
 * console's own start, not the typing of a token on the sign-in page.
 */
export async function signedIn(b) {
  const context = await b.newContext({ baseURL: BASE, viewport: { width: 1280, height: 800 } });
  await context.addInitScript((token) => {
    try {
      sessionStorage.setItem('flightdeck.token', token);
    } catch {
      // about:blank has no storage of its own; the console's pages do.
    }
  }, TOKEN);
  return context;
}

/** The server's view, over REST with the same token. */
export async function api(path, init = {}) {
  const r = await fetch(BASE + path, {
    ...init,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  const body = await r.text();
  if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${r.status} ${body}`);
  return body ? JSON.parse(body) : null;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The q-quantile by nearest rank. */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** Runs a benchmark body with a browser, failing the process with the reason. */
export async function run(name, body) {
  const b = await browser();
  try {
    await body(b);
  } catch (e) {
    console.error(`FAILED: ${name}: ${e?.stack ?? e}`);
    process.exitCode = 1;
  } finally {
    await b.close();
  }
}
