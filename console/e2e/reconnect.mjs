// Exact after reconnect: the socket is cut while a turn streams, rows change on the server while
// the console cannot hear of them, then the socket comes back. The screen must then show exactly
// the server's conversation: the same rows, in order, with the same text.
import { api, check, scenario, shot, signedIn, until } from './lib.mjs';

const id = process.env.SESSION_ID;

async function screenRows(page) {
  return page.locator('.conversation [data-row-id]').evaluateAll((els) => els.map((e) => ({
    id: e.getAttribute('data-row-id'),
    text: (e.querySelector('.text')?.textContent ?? '').replace('▍', ''),
  })));
}

async function serverRows() {
  const page = await api(`/api/sessions/${id}/conversation?limit=200`);
  return page.rows.map((e) => ({ id: e.row.id, text: e.row.row_type === 'tool' ? null : (e.row.content ?? '') }));
}

await scenario('reconnect mid-turn', async (b) => {
  const { page } = await signedIn(b);
  let cut = false;
  const open = [];
  // Every socket goes through here: while cut, new ones are refused, so the console keeps retrying.
  await page.routeWebSocket(/\/ws/, (ws) => {
    if (cut) {
      ws.close({ code: 4000, reason: 'cut by the test' });
      return;
    }
    const server = ws.connectToServer();
    open.push({ ws, server });
  });
  await page.goto(`/sessions/${id}`);
  await page.locator('[data-socket="open"]').waitFor();
  await page.locator('#composer-text').fill('SLOW');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.locator('[data-row-type="assistant"]').first().waitFor({ timeout: 60_000 });

  cut = true;
  for (const { ws, server } of open.splice(0)) {
    await server.close();
    await ws.close({ code: 4000, reason: 'cut by the test' });
  }
  await page.locator('[data-socket="open"]').waitFor({ state: 'detached' });
  const before = (await api(`/api/sessions/${id}/conversation?limit=1`)).revision;
  // Rows arrive while the console is deaf: the stream goes on, then the interrupt ends the turn.
  await until('the stream to go on', async () => (await api(`/api/sessions/${id}/conversation?limit=1`)).revision > before);
  await api(`/api/sessions/${id}/controls/stop-active-turn`, { method: 'POST' });
  await until('the turn to end', async () => (await api(`/api/sessions/${id}/detail`)).session.work_status !== 'working');
  const server = await serverRows();
  const stale = await screenRows(page);
  check(JSON.stringify(stale) !== JSON.stringify(server.map((r) => ({ id: r.id, text: r.text ?? '' }))),
    'the screen already equals the server while cut: the test proves nothing');

  cut = false;
  await page.locator('[data-socket="open"]').waitFor({ timeout: 30_000 });
  await until('the screen to equal the server', async () => {
    const shown = await screenRows(page);
    const want = await serverRows();
    return shown.length === want.length && shown.every((r, i) => r.id === want[i].id && (want[i].text === null || r.text === want[i].text));
  }, 30_000);
  await shot(page, 'reconnected');
});
