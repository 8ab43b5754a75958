// Exact after reconnect: the socket is cut while a turn streams, rows change on the server while
// the console cannot hear of them, then the socket comes back. The screen must then show exactly
// the server's conversation: the same rows, in order, with the same text.
import { api, check, scenario, shot, signedIn, until } from './lib.mjs';

const id = process.env.SESSION_ID;

// Each row as text and status, the same on both sides: what a reader sees of it.
async function screenRows(page) {
  return page.locator('.conversation [data-row-id]').evaluateAll((els) => els.map((e) => ({
    id: e.getAttribute('data-row-id'),
    text: (e.querySelector('.text')?.textContent ?? '').replace('▍', ''),
    status: e.getAttribute('data-status') ?? '',
  })));
}

async function serverRows() {
  const page = await api(`/api/sessions/${id}/conversation?limit=200`);
  return page.rows.map((e) => ({ id: e.row.id, text: e.row.row_type === 'tool' ? '' : (e.row.content ?? ''),
    status: e.row.row_type === 'tool' ? (e.row.status ?? '') : '' }));
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

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
  // A turn that stops at an approval: the tool row is on screen, running, when the socket is cut.
  await page.locator('#composer-text').fill(`RUN_BASH ${process.env.COMMAND}`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.locator('article.approval').waitFor({ timeout: 90_000 });
  await page.locator('[data-row-type="tool"]').first().waitFor();

  cut = true;
  for (const { ws, server } of open.splice(0)) {
    await server.close();
    await ws.close({ code: 4000, reason: 'cut by the test' });
  }
  await page.locator('[data-socket="open"]').waitFor({ state: 'detached' });
  // The rest of the turn happens while the console is deaf: approved over REST, the tool row
  // completes and the agent's answer arrives.
  const { approvals } = await api(`/api/approvals?session_id=${id}&limit=10`);
  const request = approvals.find((a) => a.decision == null);
  check(request, 'no pending approval on the server');
  await api(`/api/sessions/${id}/approvals/requests/${request.request_id}/decision`, { method: 'POST',
    body: JSON.stringify({ decision: 'approved' }) });
  await until('the turn to end', async () =>
    !['working', 'permission'].includes((await api(`/api/sessions/${id}/detail`)).session.work_status));
  const server = await serverRows();
  const stale = await screenRows(page);
  check(!same(stale, server), 'the screen already equals the server while cut: the test proves nothing');

  cut = false;
  await page.locator('[data-socket="open"]').waitFor({ timeout: 30_000 });
  let last;
  await until('the screen to equal the server', async () => {
    last = await screenRows(page);
    return same(last, await serverRows());
  }, 30_000).catch((e) => { throw new Error(`${e.message}\nscreen: ${JSON.stringify(last)}\nserver: ${JSON.stringify(server)}`); });
  // The card answered while deaf is gone too.
  await page.locator('article.approval').waitFor({ state: 'detached', timeout: 10_000 });
  await shot(page, 'reconnected');
});
