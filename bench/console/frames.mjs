// Budget 3: the frame rate of a session's page while rows stream into its 10,000-row conversation.
// argv: session id, rows already in it, window seconds, rows per second (what console.sh set the
// stand-in agent to print). The page's own requestAnimationFrame callbacks are counted over the
// window, first with nothing arriving (idle: the ceiling, the same page in the same browser), then
// from the first streamed row on screen while the agent prints rate rows a second.
import { api, quantile, run, signedIn } from './lib.mjs';

const [id, seeded, seconds, rate] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4] ?? 15),
  Number(process.argv[5] ?? 20)];
const windowMs = seconds * 1000;
const quietMs = Number(process.env.BENCH_QUIET_MS ?? 1000);

/** rAF timestamps over ms, with the conversation's row count at either end and the long tasks between. */
function measure(page, ms) {
  return page.evaluate((ms) => new Promise((resolve) => {
    const conv = document.querySelector('.conversation');
    const rowsAtStart = Number(conv.dataset.rowCount);
    const frames = [];
    const longTasks = [];
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
    obs.observe({ type: 'longtask' });
    const tick = (t) => {
      frames.push(t);
      if (t - frames[0] < ms) {
        requestAnimationFrame(tick);
        return;
      }
      obs.disconnect();
      const intervals = frames.slice(1).map((x, i) => x - frames[i]);
      resolve({ intervals, span: t - frames[0], rowsAtStart, rowsAtEnd: Number(conv.dataset.rowCount), longTasks,
        lastText: conv.querySelector('.vrow:last-child .text')?.textContent ?? null });
    };
    requestAnimationFrame(tick);
  }), ms);
}

function summary(m) {
  const mean = m.intervals.reduce((a, b) => a + b, 0) / m.intervals.length;
  return {
    fps: 1000 / mean,
    p99: quantile(m.intervals, 0.99),
    over50: m.intervals.filter((x) => x > 50).length,
    frames: m.intervals.length,
    rowsPerSecond: (m.rowsAtEnd - m.rowsAtStart) / (m.span / 1000),
    longTasks: m.longTasks.length,
  };
}

const line = (s) => `${s.fps.toFixed(1)} fps over ${s.frames} frames, worst 1% ${s.p99.toFixed(1)} ms, `
  + `${s.over50} frame(s) over 50 ms, ${s.longTasks} long task(s), rows arriving ${s.rowsPerSecond.toFixed(1)}/s`;

/** Until the conversation's row count passes n, polled from outside. */
function rowsAbove(page, n) {
  return page.waitForFunction((n) => Number(document.querySelector('.conversation').dataset.rowCount) > n,
    n, { polling: 50, timeout: 120_000 });
}

/** Until the page has had no long task for the quiet window. */
function settled(page) {
  return page.waitForFunction((quietMs) => performance.now() - Math.max(0, ...window.__long) >= quietMs,
    quietMs, { polling: 100, timeout: 120_000 });
}

/**
 * One page, two windows: idle, then streaming. With all, the whole history is paged in first the
 * way a reader gets it (scrolled to the top, one older page at a time) and the view returned to the
 * bottom, so the stream lands in a page holding every row; without, the page is as opened (the
 * newest page only).
 */
async function phase(b, all) {
  const context = await signedIn(b);
  await context.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(e.startTime + e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(`/sessions/${id}`);
  await page.locator('.conversation .vrow').first().waitFor();
  const count = async () => Number(await page.locator('.conversation').getAttribute('data-row-count'));
  if (all) {
    const total = (await api(`/api/sessions/${id}/conversation/stats`)).total_rows;
    while (await count() < total) {
      const n = await count();
      // The scroll handler is what asks for the older page (Conversation.tsx's onScroll): the same
      // path as a reader's scroll, fired again once each page has arrived.
      await page.evaluate(() => {
        const c = document.querySelector('.conversation');
        c.scrollTop = 0;
        c.dispatchEvent(new Event('scroll'));
      });
      await rowsAbove(page, n);
    }
    await page.evaluate(() => {
      const c = document.querySelector('.conversation');
      c.scrollTop = c.scrollHeight;
      c.dispatchEvent(new Event('scroll'));
    });
  }
  await settled(page);
  const idle = await measure(page, windowMs);
  if (idle.rowsAtEnd !== idle.rowsAtStart) throw new Error(`rows arrived during the idle window: ${idle.rowsAtStart} -> ${idle.rowsAtEnd}`);

  const before = await count();
  await api(`/api/sessions/${id}/conversation/messages`, { method: 'POST', body: JSON.stringify({ content: 'stream' }) });
  // The user row comes first; the window starts once the agent's first row is on screen too.
  await rowsAbove(page, before + 1);
  const streaming = await measure(page, windowMs);
  await context.close();
  const s = summary(streaming);
  if (s.rowsPerSecond < rate / 2) {
    throw new Error(`rows did not stream into the page: ${streaming.rowsAtStart} -> ${streaming.rowsAtEnd} over ${streaming.span.toFixed(0)} ms`);
  }
  if (!/^Streamed row \d+/.test(streaming.lastText ?? '')) {
    throw new Error(`the view did not follow the stream; last row on screen: ${JSON.stringify(streaming.lastText)}`);
  }
  return { idle: summary(idle), streaming: s, rows: [streaming.rowsAtStart, streaming.rowsAtEnd], last: streaming.lastText };
}

/** The stand-in agent prints a fixed number of rows per message; the next message waits for the turn's end. */
async function turnOver() {
  const deadline = Date.now() + 120_000;
  while ((await api(`/api/sessions/${id}/detail`)).session.work_status === 'working') {
    if (Date.now() > deadline) throw new Error('the streaming turn did not end');
    await new Promise((r) => setTimeout(r, 200));
  }
}

await run('frame rate', async (b) => {
  const results = [];
  for (const [all, label] of [[false, 'newest page in the page, as opened'], [true, 'every row in the page']]) {
    const r = await phase(b, all);
    results.push([label, r]);
    console.log(`== Frame rate on /sessions/${id}, ${label}, ${seconds} s windows`);
    console.log(`  idle:      ${line(r.idle)}`);
    console.log(`  streaming: ${line(r.streaming)}; rows in the page ${r.rows[0]} -> ${r.rows[1]}; last on screen: ${JSON.stringify(r.last)}`);
    await turnOver();
  }
  for (const [label, { idle: i, streaming: s }] of results) {
    console.log(`FIGURE frame rate streaming ${rate} rows/s into ${seeded.toLocaleString('en')} rows (${label}): ${s.fps.toFixed(1)} fps `
      + `(idle ${i.fps.toFixed(1)} fps, ratio ${(s.fps / i.fps).toFixed(2)}); frames over 50 ms: ${s.over50} of ${s.frames} `
      + `(idle ${i.over50}); worst 1% frame ${s.p99.toFixed(1)} ms (idle ${i.p99.toFixed(1)} ms); rows arrived ${s.rowsPerSecond.toFixed(1)}/s`);
  }
});
