// Budget 2: time to interactive of the dashboard with N active sessions (argv[2], default 200),
// over R runs (argv[3], default 5), each in a fresh context (empty cache: a first load). The ceiling
// is the same measurement of a bare static page the same Liberty serves (/bare/, a WAR with one
// heading), alternated with the dashboard's runs in the same browser.
//
// Interactive means: what the page is for is on screen (every session card, or the bare page's
// heading), it has painted content, and the main thread has been free of long tasks (over 50 ms,
// PerformanceObserver 'longtask') for BENCH_QUIET_MS (default 1,000 ms). TTI is the latest of first
// contentful paint, the frame that shows the cards and the end of the last long task, from the
// navigation's start (performance.now() in the new document). Unlike Lighthouse's TTI it does not
// also wait for the network to go quiet: the dashboard keeps a WebSocket open by design.
import { BASE, api, median, run, signedIn } from './lib.mjs';

const expected = Number(process.argv[2] ?? 200);
const runs = Number(process.argv[3] ?? 5);
const quietMs = Number(process.env.BENCH_QUIET_MS ?? 1000);

const active = await api('/api/sessions/active');
if ((active.conversations ?? []).length !== expected) {
  throw new Error(`GET /api/sessions/active has ${(active.conversations ?? []).length} conversations, not ${expected}`);
}

/** One load of path in a fresh context; ready when selector matches count elements. */
async function tti(b, path, selector, count) {
  const context = await signedIn(b);
  try {
    await context.addInitScript(({ selector, count }) => {
      const m = { longTasks: [], fcp: null, shown: null, rendered: null };
      window.__tti = m;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) m.longTasks.push(e.startTime + e.duration);
      }).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') m.fcp = e.startTime;
      }).observe({ type: 'paint', buffered: true });
      // The mutation that completes the set is seen in the same task that made it; the next
      // animation frame is the one that paints it.
      const seen = new MutationObserver(() => {
        if (m.shown === null && document.querySelectorAll(selector).length >= count) {
          m.shown = performance.now();
          seen.disconnect();
          requestAnimationFrame((t) => { m.rendered = t; });
        }
      });
      seen.observe(document, { childList: true, subtree: true });
    }, { selector, count });
    const page = await context.newPage();
    await page.goto(path, { waitUntil: 'commit' });
    // Polled from outside (every 100 ms): the page's own state says when the quiet window is over.
    const handle = await page.waitForFunction((quietMs) => {
      const m = window.__tti;
      if (!m || m.rendered === null || m.fcp === null) return null;
      const lastLong = Math.max(0, ...m.longTasks);
      const since = Math.max(m.rendered, m.fcp, lastLong);
      if (performance.now() - since < quietMs) return null;
      return { tti: since, fcp: m.fcp, rendered: m.rendered, longTasks: m.longTasks.length, lastLong };
    }, quietMs, { polling: 100, timeout: 120_000 });
    const r = await handle.jsonValue();
    const n = await page.locator(selector).count();
    if (n < count) throw new Error(`${path}: ${n} of ${count} ${selector} on screen`);
    return r;
  } finally {
    await context.close();
  }
}

await run('dashboard tti', async (b) => {
  const dash = () => tti(b, '/', 'a.card[data-session-id]', expected);
  const bare = () => tti(b, '/bare/', 'h1', 1);
  // One unrecorded load of each first: the server's and the browser's first-time costs (class
  // loading, JIT, the disk cache of the browser binary) belong to neither figure.
  await bare();
  await dash();
  const d = [];
  const e = [];
  for (let i = 0; i < runs; i++) {
    e.push(await bare());
    d.push(await dash());
    const x = d[d.length - 1];
    console.log(`  run ${i + 1}: dashboard TTI ${x.tti.toFixed(0)} ms (FCP ${x.fcp.toFixed(0)}, cards painted ${x.rendered.toFixed(0)}, `
      + `${x.longTasks} long task(s), last ending ${x.lastLong.toFixed(0)}); bare page ${e[e.length - 1].tti.toFixed(0)} ms`);
  }
  const dm = median(d.map((x) => x.tti));
  const em = median(e.map((x) => x.tti));
  const dmax = Math.max(...d.map((x) => x.tti));
  const emax = Math.max(...e.map((x) => x.tti));
  console.log(`== Dashboard TTI with ${expected} sessions at ${BASE}, ${runs} runs, quiet window ${quietMs} ms`);
  console.log(`FIGURE dashboard TTI, ${expected} sessions: median ${dm.toFixed(0)} ms, max ${dmax.toFixed(0)} ms `
    + `(bare page median ${em.toFixed(0)} ms, max ${emax.toFixed(0)} ms; ratio of medians ${(dm / em).toFixed(2)})`);
});
