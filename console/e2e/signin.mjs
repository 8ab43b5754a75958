// Sign in: a wrong token is refused in words and nothing is kept; the right one opens the dashboard;
// a token the server stops accepting brings the sign-in page back.
import { BASE, TOKEN, api, check, scenario, shot } from './lib.mjs';

await scenario('sign in', async (b) => {
  const context = await b.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await page.goto('/sessions/od-none');
  await shot(page, 'signin');
  await page.getByLabel('API token').fill('fd_not_a_token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'unauthorized' }).waitFor();
  check(await page.evaluate(() => sessionStorage.getItem('flightdeck.token')) === null, 'a refused token was kept');

  // A token of its own, so revoking it leaves the suite's token alone.
  const minted = await api('/api/auth/tokens', { method: 'POST', body: JSON.stringify({ label: 'console-signin' }) });
  await page.getByLabel('API token').fill(minted.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The deep link it was opened at, a session that does not exist, says so in words.
  await page.getByRole('alert').filter({ hasText: 'not_found' }).first().waitFor();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { name: 'Active sessions' }).waitFor();
  await page.locator('[data-socket="open"]').waitFor();
  await shot(page, 'dashboard');

  await api(`/api/auth/tokens/${minted.id}`, { method: 'DELETE' });
  // The server closes the revoked token's socket (1008); the console forgets the token.
  await page.getByRole('heading', { name: 'Sign in to Flightdeck' }).waitFor({ timeout: 30_000 });
  await page.getByText('revoked').first().waitFor();
  check(TOKEN.length > 0, 'no token given');
});
