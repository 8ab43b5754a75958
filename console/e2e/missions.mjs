// The missions board: a mission made in the browser, its tracker key stored (never shown), the
// orchestrator started, and the board following the tracker live: an issue moved to Done in the
// stub Linear crosses to Completed without a reload. Block and Retry act on a second issue.
import { api, check, scenario, shot, signedIn, step, until } from './lib.mjs';

const { REPO, KEY, ISSUE_A, ISSUE_B, BROKEN_MISSION } = process.env;

await scenario('the missions board follows the tracker', async (b) => {
  const { page } = await signedIn(b, { viewport: { width: 1400, height: 900 } });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Missions' }).click();
  await page.getByRole('heading', { name: 'Missions' }).waitFor();
  await page.getByRole('button', { name: 'New mission' }).click();
  const form = page.getByRole('form', { name: 'New mission' });
  await form.getByLabel('Name').fill('Console mission');
  await form.getByLabel('Repository').fill(REPO);
  await form.getByRole('button', { name: 'Create mission' }).click();
  await page.waitForURL(/\/missions\/[^/]+$/);
  const mid = page.url().split('/').pop();
  await page.getByRole('heading', { name: 'Console mission' }).waitFor();

  const keyForm = page.getByRole('form', { name: 'Tracker key' });
  await keyForm.getByLabel('New tracker key').fill(KEY);
  await keyForm.getByRole('button', { name: 'Save key' }).click();
  await keyForm.getByText("set (the mission's own)").waitFor();
  check(!(await page.content()).includes(KEY), 'the tracker key is on the page');
  check((await api(`/api/missions/${mid}/tracker-key`)).source === 'mission', 'the server holds no mission key');

  await page.getByRole('button', { name: 'Start orchestrator' }).click();
  await page.locator('[data-orchestrator="polling"]').waitFor();
  const card = (col, id) => page.locator(`[data-column="${col}"] [data-issue="${id}"]`);
  await card('running', ISSUE_A).waitFor({ timeout: 120_000 });
  await card('running', ISSUE_B).waitFor({ timeout: 120_000 });
  await page.getByText(/Last polled/).waitFor();
  // The next poll's time comes from the orchestrator's mission_heartbeat frames.
  await page.getByText(/next poll \d/).waitFor();
  await shot(page, 'missions-board');

  // Block: the reason is asked for, and the server keeps it.
  await page.getByRole('button', { name: `Block ${ISSUE_B}` }).click();
  await card('running', ISSUE_B).getByLabel('Why is it blocked?').fill('waiting on a product decision');
  await card('running', ISSUE_B).getByRole('button', { name: 'Block', exact: true }).click();
  await card('blocked', ISSUE_B).waitFor({ timeout: 30_000 });
  const issues = () => api(`/api/missions/${mid}/issues`);
  const b1 = (await issues()).find((i) => i.identifier === ISSUE_B);
  check(b1.orchestration_state === 'blocked', `the server has ${ISSUE_B} ${b1.orchestration_state}`);
  check((await card('blocked', ISSUE_B).innerText()).includes('waiting on a product decision'), 'the reason is not on the card');

  // The tracker moves A to Done; the orchestrator notices at its next poll and the board follows.
  await step('tracker-done');
  await card('completed', ISSUE_A).waitFor({ timeout: 60_000 });
  const a = (await issues()).find((i) => i.identifier === ISSUE_A);
  check(a.orchestration_state === 'completed' && a.tracker_state === 'Done', `the server has ${JSON.stringify(a)}`);
  check(await card('completed', ISSUE_A).getByText('Done').count() > 0, 'the card does not show the tracker state');

  // Retry takes B out of Blocked, and the server agrees.
  await page.getByRole('button', { name: `Retry ${ISSUE_B}` }).click();
  await card('blocked', ISSUE_B).waitFor({ state: 'detached', timeout: 30_000 });
  await until(`${ISSUE_B} to leave blocked on the server`, async () =>
    (await issues()).find((i) => i.identifier === ISSUE_B).orchestration_state !== 'blocked');
  await shot(page, 'missions-moved');

  // A setting changed on the page is written to MISSION.md and read back by the server.
  await page.getByText('Settings (MISSION.md)').click();
  const settings = page.getByRole('form', { name: 'Mission settings' });
  await settings.getByLabel('Retries').fill('many');
  await settings.getByRole('button', { name: 'Save to MISSION.md' }).click();
  await settings.getByRole('alert').filter({ hasText: 'max_retries' }).waitFor();
  await settings.getByLabel('Retries').fill('4');
  await settings.getByRole('button', { name: 'Save to MISSION.md' }).click();
  await until('max_retries 4 on the server', async () => (await api(`/api/missions/${mid}`)).settings.orchestration.max_retries === 4);
  await page.locator('.kv').getByText('orchestration.max_retries').locator('..').getByText('4', { exact: true }).waitFor();

  // A MISSION.md the server cannot read is shown with its error, in words.
  await page.goto(`/missions/${BROKEN_MISSION}`);
  const broken = page.locator('[data-parse-error]');
  await broken.waitFor();
  const parseError = (await api(`/api/missions/${BROKEN_MISSION}`)).summary.parse_error;
  check(parseError && (await broken.innerText()).includes(parseError), `the page shows ${await broken.innerText()}, the server ${parseError}`);
  await page.locator('[data-orchestrator="config_error"]').waitFor();
  await shot(page, 'mission-parse-error');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Missions' }).click();
  const listed = page.locator(`[data-mission-id="${mid}"]`);
  await listed.waitFor();
  check((await listed.innerText()).includes('1 completed'), `the list shows ${await listed.innerText()}`);
});
