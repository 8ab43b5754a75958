// Shared by the browser tests: Debian's Chromium driven by playwright-core, against the server
// ConsoleIT started. Each script is one scenario; it exits non-zero with the reason on failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const BASE = process.env.FLIGHTDECK_URL ?? 'http://127.0.0.1:4000';
export const TOKEN = process.env.FLIGHTDECK_TOKEN ?? '';
const SHOTS = process.env.FLIGHTDECK_SCREENSHOTS;

export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // The machine's network is closed: without these, Chromium's own background connections fail
    // many at a time at every start.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

let current = null;
const frames = [];

export async function signedIn(b, options = {}) {
  const context = await b.newContext({ baseURL: BASE, ...options });
  const page = await context.newPage();
  current = page;
  frames.length = 0;
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => frames.push(`> ${String(f.payload).slice(0, 300)}`));
    ws.on('framereceived', (f) => frames.push(`< ${String(f.payload).slice(0, 300)}`));
    ws.on('close', () => frames.push('(socket closed)'));
  });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto('/');
  await page.getByLabel('API token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Active sessions' }).waitFor();
  return { context, page };
}

/** The socket frames seen so far, both ways, each as "> json" or "< json" (binary as its length). */
export function socketFrames() {
  return frames;
}

export async function shot(page, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  // The docs show these pictures: the build machine's directories are shown from the test data
  // directory down ("~/fs-root/…"), and put back once the picture is taken.
  const hide = (on) => page.evaluate((on) => {
    const w = window;
    if (on) {
      w.__fdPaths = [];
      const re = /\/[^\s"']*\/it-data(-pg)?\//g;
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (re.test(n.nodeValue)) { w.__fdPaths.push([n, n.nodeValue]); n.nodeValue = n.nodeValue.replace(re, '~/'); }
        re.lastIndex = 0;
      }
      for (const el of document.querySelectorAll('input')) {
        if (re.test(el.value)) { w.__fdPaths.push([el, el.value, true]); el.value = el.value.replace(re, '~/'); }
        re.lastIndex = 0;
      }
    } else {
      for (const [n, v, input] of w.__fdPaths ?? []) { if (input) n.value = v; else n.nodeValue = v; }
      w.__fdPaths = [];
    }
  }, on);
  await hide(true);
  try {
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  } finally {
    await hide(false);
  }
}

/** The server's view, over REST with the same token, to compare the screen with. */
export async function api(path, init = {}) {
  const r = await fetch(BASE + path, {
    ...init,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  const body = await r.text();
  if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${r.status} ${body}`);
  return body ? JSON.parse(body) : null;
}

/** Polls until read() gives a truthy value (the server's state changes on its own time). */
export async function until(what, read, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await read();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

let answers = null;

/**
 * Hands the turn to the Java test (ConsoleIT.run's steps): it sees the line, changes the world the
 * browser cannot (a stub tracker, say), and answers "ok" on stdin when it is done.
 */
export async function step(name) {
  answers ??= createInterface({ input: process.stdin });
  const answer = new Promise((resolve) => answers.once('line', resolve));
  console.log(`@@step ${name}`);
  const line = await answer;
  if (line !== 'ok') throw new Error(`step ${name}: the test answered ${line}`);
}

export function check(cond, message) {
  if (!cond) throw new Error(message);
}

/** Runs a scenario with a fresh browser, failing the process with what went wrong. */
export async function scenario(name, body) {
  const b = await browser();
  try {
    await body(b);
    console.log(`ok: ${name}`);
  } catch (e) {
    console.error(`FAILED: ${name}: ${e?.stack ?? e}`);
    process.exitCode = 1;
    await explain(name);
  } finally {
    answers?.close();
    await b.close();
  }
}

/** On a failure: what the page showed (its URL and rows) and a screenshot, to read beside the error. */
async function explain(name) {
  if (!current || current.isClosed()) return;
  try {
    console.error(`page: ${current.url()}`);
    const rows = await current.$$eval('[data-row-type]', (els) => els.map((el) =>
      `${el.getAttribute('data-row-type')} ${el.className}: ${(el.textContent ?? '').slice(0, 120)}`));
    console.error(`rows on screen:\n  ${rows.join('\n  ')}`);
    console.error(`conversation data-row-count: ${await current.locator('.conversation').getAttribute('data-row-count').catch(() => '?')}`);
    console.error(`last socket frames:\n  ${frames.slice(-40).join('\n  ')}`);
    await shot(current, `failed-${name.replace(/\W+/g, '-')}`);
  } catch (e) {
    console.error(`(could not read the page: ${e})`);
  }
}
