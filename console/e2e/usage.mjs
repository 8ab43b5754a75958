// Usage: every figure the page shows is the server's for the same range. The script reads the range
// the page used (its day anchor, start and end), asks the usage routes for it over REST, and
// requires the cards, the charts' tables, the top sessions and the rate-limit windows to say the
// same, as text and as the exact number. With SESSION_ID, that session had a turn: it must be there.
import { api, check, scenario, shot, signedIn, until } from './lib.mjs';

const sessionId = process.env.SESSION_ID;

// The figures as the page writes them, stated here on their own so a formatting slip shows.
// The page's formatting is unit-tested (src/usage/usage.test.ts); here a shown figure is read back
// as a number and must be the server's, to the precision it is shown with.
function shownAs(text) {
  return Number(text.replace(/[$,<\s]/g, ''));
}
const usd = (v) => (t) => (t.startsWith('<') ? v > 0 && v < shownAs(t) : Math.abs(shownAs(t) - v) <= (Math.abs(v) >= 1 ? 0.005 : 0.00005) + 1e-12 && (v >= 0 ? !t.startsWith('-') : t.startsWith('-')));
const count = (v) => (t) => shownAs(t) === v;

/** A cell's text and its data-value, against the server's number. */
async function same(cell, value, format, what) {
  await cell.waitFor({ state: 'attached' });
  const text = (await cell.textContent()).trim();
  const raw = Number(await cell.getAttribute('data-value'));
  check(raw === value, `${what}: the page holds ${raw}, the server says ${value}`);
  check(format(value)(text), `${what}: the page shows "${text}", the server says ${value}`);
}

async function rangeOf(page) {
  const s = page.locator('section.usage');
  return {
    today: Number(await s.getAttribute('data-today-start-unix')),
    start: Number(await s.getAttribute('data-start-unix')),
    end: Number(await s.getAttribute('data-end-unix')),
  };
}

async function server(r) {
  const span = `start_unix=${r.start}&end_unix=${r.end}&today_start_unix=${r.today}`;
  const [overview, byModel, byProvider, bySession, codex, claude] = await Promise.all([
    api(`/api/usage/overview?today_start_unix=${r.today}&range_start_unix=${r.start}&range_end_unix=${r.end}`),
    api(`/api/usage/breakdown?group_by=model&${span}`),
    api(`/api/usage/breakdown?group_by=provider&${span}`),
    api(`/api/usage/breakdown?group_by=session&${span}`),
    api('/api/usage/codex'),
    api('/api/usage/claude'),
  ]);
  const summary = await api(`/api/usage/summary?today_start_unix=${r.today}`);
  return { overview, byModel, byProvider, bySession, codex, claude, summary };
}

async function card(page, bucket, cost, tokens, turns, sessions) {
  const c = page.locator(`[data-bucket="${bucket}"]`);
  await same(c.locator('[data-field="cost"]'), cost, usd, `${bucket} cost`);
  await same(c.locator('[data-field="tokens"]'), tokens, count, `${bucket} tokens`);
  await same(c.locator('[data-field="turns"]'), turns, count, `${bucket} turns`);
  await same(c.locator('[data-field="sessions"]'), sessions, count, `${bucket} sessions`);
}

async function rows(page, table, groups, keyOf, what) {
  const t = page.locator(`table[data-table="${table}"]`);
  for (const g of groups) {
    const row = t.locator(`tr[data-key="${keyOf(g)}"]`);
    await same(row.locator('[data-field="cost"]'), g.total_cost_usd, usd, `${what} ${keyOf(g)} cost`);
    await same(row.locator('[data-field="tokens"]'), g.tokens.total_tokens, count, `${what} ${keyOf(g)} tokens`);
    await same(row.locator('[data-field="turns"]'), g.turn_count, count, `${what} ${keyOf(g)} turns`);
  }
  return t;
}

/** Everything on the page against one REST read of the same range. */
async function compare(page) {
  const r = await rangeOf(page);
  check(r.end - r.start > 0 && (r.end - r.start) % 86_400 === 0 && r.today < r.end, `a strange range: ${JSON.stringify(r)}`);
  const s = await server(r);
  await card(page, 'today', s.summary.today.total_cost_usd, s.summary.today.total_tokens, s.summary.today.turn_count, s.summary.today.distinct_session_count);
  await card(page, 'all_time', s.summary.all_time.total_cost_usd, s.summary.all_time.total_tokens, s.summary.all_time.turn_count, s.summary.all_time.distinct_session_count);
  const t = s.byProvider.totals;
  await card(page, 'range', t.total_cost_usd, t.tokens.total_tokens, t.turn_count, t.distinct_session_count);

  await rows(page, 'per-model', s.byModel.groups, (g) => g.group_key, 'model');
  const providers = await rows(page, 'per-provider', s.byProvider.groups, (g) => g.group_key, 'provider');
  check(await providers.locator('tbody tr').count() === s.byProvider.groups.length, 'the provider table has other rows than the server');
  // Every day of the range has its row; the days with turns carry the server's figures.
  const days = await rows(page, 'per-day', s.overview.day_breakdown, (g) => g.day_start_unix, 'day');
  check(await days.locator('tbody tr').count() === (r.end - r.start) / 86_400, 'the day table does not have a row per day');
  const quiet = await days.locator('tbody tr').evaluateAll((trs, busy) => trs.filter((tr) => !busy.includes(tr.dataset.key))
    .map((tr) => tr.querySelector('[data-field="cost"]').dataset.value), s.overview.day_breakdown.map((g) => String(g.day_start_unix)));
  check(quiet.every((v) => v === '0'), `a day without turns shows usage: ${quiet}`);

  const top = s.bySession.groups.slice(0, 10);
  await rows(page, 'top-sessions', top, (g) => g.session_id, 'session');
  const order = await page.locator('table[data-table="top-sessions"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.key));
  check(JSON.stringify(order) === JSON.stringify(top.map((g) => g.session_id)), `top sessions in another order: ${order}`);

  for (const [provider, read] of [['codex', s.codex], ['claude', s.claude]]) {
    const box = page.locator(`[data-provider="${provider}"]`);
    if (read.usage) {
      for (const side of provider === 'codex' ? ['primary', 'secondary'] : ['five_hour', 'seven_day', 'seven_day_sonnet', 'seven_day_opus']) {
        const w = read.usage[side];
        if (!w) continue;
        const used = provider === 'codex' ? w.used_percent : w.utilization;
        if (typeof used !== 'number') continue;
        const cell = box.locator(`[data-window="${side}"] [data-field="used"]`);
        check(Number(await cell.getAttribute('data-value')) === used, `${provider} ${side}: the page and the server differ`);
        check((await cell.textContent()).startsWith(`${Number.isInteger(used) ? used : used.toFixed(1)}%`), `${provider} ${side} shows ${await cell.textContent()}`);
      }
    } else {
      check((await box.innerText()).includes(read.error_info.message), `${provider}: the page does not say why there are no windows`);
    }
  }
  return s;
}

await scenario('usage charts show the ledger\'s figures', async (b) => {
  const { page } = await signedIn(b);
  await page.getByRole('link', { name: 'Usage', exact: true }).click();
  await page.getByRole('heading', { name: 'Usage', level: 1 }).waitFor();
  await page.locator('section.usage[data-loaded="yes"]').waitFor();
  await page.locator('[data-provider="codex"]').waitFor();
  const s = await compare(page);
  if (sessionId) {
    const g = s.bySession.groups.find((x) => x.session_id === sessionId);
    check(g && g.turn_count > 0 && g.total_cost_usd > 0, `the session with a turn has no usage: ${JSON.stringify(g)}`);
    check(s.summary.today.turn_count > 0, 'today has no turns');
    // Other tests' sessions may cost more; the link is there when the session ranks among the ten.
    if (s.bySession.groups.indexOf(g) < 10) {
      await page.locator(`table[data-table="top-sessions"] tr[data-key="${sessionId}"] a[href="/sessions/${sessionId}"]`).waitFor();
    }
  }
  // Each chart says its figures in words for a screen reader, and carries its table.
  const label = await page.locator('[data-chart="per-day"] svg[role="img"]').getAttribute('aria-label');
  const total = s.overview.day_breakdown.reduce((a, g) => a + g.total_cost_usd, 0);
  check(label.startsWith('Cost per day') && (total === 0 || /\$[\d.,]+/.exec(label) && usd(total)(/\$[\d.,]+/.exec(label)[0])), `the day chart's words: ${label}, the server's total ${total}`);
  await shot(page, 'usage');
  await page.locator('#limits-title').scrollIntoViewIfNeeded();
  await shot(page, 'usage-limits');

  await page.getByRole('radio', { name: 'Tokens' }).check();
  const tokens = s.overview.day_breakdown.reduce((a, g) => a + g.tokens.total_tokens, 0);
  await until('the charts to show tokens', async () => {
    const l = await page.locator('[data-chart="per-day"] svg[role="img"]').getAttribute('aria-label');
    return l.startsWith('Tokens per day') && (tokens === 0 || l.includes(tokens.toLocaleString('en-US')));
  });

  // Another range: the page reads it again and still agrees with the server.
  const before = await rangeOf(page);
  await page.getByLabel('Range').selectOption({ label: 'Last 30 days' });
  await until('the page to read the 30 days', async () => (await rangeOf(page)).start === before.today - 29 * 86_400);
  await page.locator('section.usage[aria-busy="false"]').waitFor();
  await compare(page);
});
