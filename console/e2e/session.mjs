// Create a session from the dashboard (provider, directory through the fs browser), send a message
// and watch the agent's reply arrive as a row; a second message, and the suggestion the agent makes
// for the next prompt goes into the composer with one click.
import { api, check, scenario, shot, signedIn, until } from './lib.mjs';

const cwd = process.env.CONSOLE_CWD;

await scenario('create a session and send a message', async (b) => {
  const { page } = await signedIn(b);
  await page.getByRole('button', { name: 'New session' }).click();
  const form = page.getByRole('form', { name: 'New session' });
  await form.getByLabel('Provider').selectOption('claude');
  // The directory is picked in the server's fs browser: its parent, then the directory itself.
  const parent = cwd.replace(/\/[^/]+$/, '');
  const name = cwd.slice(parent.length + 1);
  await form.getByLabel('Directory').fill(parent);
  await form.getByRole('button', { name: 'Browse…' }).click();
  await form.getByRole('button', { name: `Use ${cwd}` }).click();
  check(await form.getByLabel('Directory').inputValue() === cwd, `the fs browser did not pick ${name}`);
  await shot(page, 'create');
  await form.getByRole('button', { name: 'Create session' }).click();
  await page.waitForURL(/\/sessions\/[^/]+$/);
  const id = page.url().split('/').pop();

  await page.locator('#composer-text').fill('hello from the console');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const reply = page.locator('[data-row-type="assistant"]').filter({ hasText: 'hello from the console' });
  await reply.waitFor({ timeout: 90_000 });
  await page.locator('[data-row-type="user"]').filter({ hasText: 'hello from the console' }).waitFor();
  await until('the turn to end', async () => (await api(`/api/sessions/${id}/detail`)).session.work_status !== 'working');

  // From the second turn on, the agent suggests the next prompt; one click puts it in the box.
  await page.locator('#composer-text').fill('and a second one');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const suggested = page.getByRole('button', { name: `Use the suggestion: ${process.env.CONSOLE_SUGGESTION}` });
  await suggested.waitFor({ timeout: 90_000 });
  await shot(page, 'session');
  await suggested.click();
  check(await page.locator('#composer-text').inputValue() === process.env.CONSOLE_SUGGESTION,
    'the suggestion did not go into the composer');
  await page.locator('#composer-text').fill('');

  // The dashboard lists it under its project, live.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.locator(`[data-session-id="${id}"]`).waitFor();
  await api(`/api/sessions/${id}/lifecycle/end`, { method: 'POST' });
  await page.locator(`[data-session-id="${id}"]`).waitFor({ state: 'detached', timeout: 30_000 });
});
