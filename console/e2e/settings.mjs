// Settings: a token created in the browser opens the API with its secret, shown once; revoked in
// the browser, the same call is refused. A tracker key saved in the browser is configured on the
// server and never appears in the page; cleared, it is gone. The role chosen is the server's role.
// Revoking the token the browser signed in with asks first, then signs the console out.
import { BASE, api, check, scenario, shot, signedIn, until } from './lib.mjs';

const GITHUB_KEY = process.env.GITHUB_KEY ?? `ghp_console_${Date.now().toString(36)}_secret`;
const LINEAR_KEY = process.env.LINEAR_KEY ?? `lin_api_console_${Date.now().toString(36)}_secret`;

/** A REST call with another token than the suite's: the status says whether the server takes it. */
async function statusWith(token, path = '/api/server/meta') {
  const r = await fetch(BASE + path, { headers: { Authorization: `Bearer ${token}` } });
  return r.status;
}

async function neverShown(page, ...secrets) {
  const html = await page.content();
  const text = await page.locator('body').innerText();
  const values = await page.$$eval('input', (els) => els.map((e) => e.value));
  for (const s of secrets) {
    check(!html.includes(s) && !text.includes(s) && !values.some((v) => v.includes(s)), `the page contains the key ${s}`);
  }
}

await scenario('settings: tokens, tracker keys and role', async (b) => {
  const { page } = await signedIn(b);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();

  // --- a token created and revoked in the browser
  const label = `console-e2e-${Date.now()}`;
  await page.getByLabel('Label', { exact: true }).fill(label);
  await page.getByRole('button', { name: 'Create token' }).click();
  const created = page.locator('.created-token');
  await created.waitFor();
  check((await created.innerText()).includes('only time the token is shown'), 'no warning that the secret is shown once');
  const secret = await created.getByLabel('The new token').inputValue();
  check(/^fdk_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}$/.test(secret), `not a token: ${secret}`);
  check(await created.getByRole('heading').evaluate((h) => h === document.activeElement), 'focus did not move to the new token');
  await shot(page, 'token-created');
  check(await statusWith(secret) === 200, 'the token made in the browser does not open the API');
  const id = await created.getAttribute('data-token-id');
  const listed = (await api('/api/auth/tokens')).tokens.find((t) => t.id === id);
  check(listed && listed.label === label && !JSON.stringify(listed).includes(secret.slice(-43)), `the server lists it wrongly: ${JSON.stringify(listed)}`);
  await page.getByRole('button', { name: /I have stored it/ }).click();
  await created.waitFor({ state: 'detached' });
  check(!(await page.content()).includes(secret.slice(-43)), 'the secret is still in the page after it was hidden');

  const row = page.locator(`tr[data-token-id="${id}"]`);
  await row.waitFor();
  check(!(await row.innerText()).includes('this browser'), 'a new token is marked as the one signed in with');
  await row.getByRole('button', { name: `Revoke ${label}` }).click();
  await row.getByRole('button', { name: 'Yes, revoke' }).click();
  await row.waitFor({ state: 'detached' });
  await until('the revoked token to be refused', async () => (await statusWith(secret)) === 401);
  check((await api('/api/auth/tokens')).tokens.find((t) => t.id === id)?.revoked_at, 'the server does not list it as revoked');

  // --- tracker keys: GitHub has no key in the environment, so the stored one is the one in force
  const github = page.locator('form[data-tracker="github"]');
  await github.getByLabel('New GitHub token').fill(GITHUB_KEY);
  check(await github.getByLabel('New GitHub token').getAttribute('type') === 'password', 'the key field shows what is typed');
  await github.getByRole('button', { name: 'Save GitHub token' }).click();
  await github.getByRole('status').filter({ hasText: 'saved' }).waitFor();
  await github.locator('[data-configured="true"][data-source="settings"]').waitFor();
  const afterSet = await api('/api/server/tracker-keys');
  check(afterSet.github.configured === true && afterSet.github.source === 'settings', `tracker-keys after set: ${JSON.stringify(afterSet)}`);
  check(await github.getByLabel('New GitHub token').inputValue() === '', 'the key stays in its field after saving');

  // Linear: where the server's environment has a key, the page says so and a stored key does not displace it.
  const linear = page.locator('form[data-tracker="linear"]');
  const linearBefore = (await api('/api/server/tracker-keys')).linear;
  const linearStatus = linear.locator('.key-status');
  check((await linearStatus.getAttribute('data-configured')) === String(Boolean(linearBefore.configured)), 'the Linear status differs from the server');
  await linear.getByLabel('New Linear API key').fill(LINEAR_KEY);
  await linear.getByRole('button', { name: 'Save Linear API key' }).click();
  await linear.getByRole('status').filter({ hasText: 'saved' }).waitFor();
  const linearSet = (await api('/api/server/tracker-keys')).linear;
  check(linearSet.configured === true, `Linear is not configured after saving: ${JSON.stringify(linearSet)}`);
  await linear.locator(`[data-configured="true"][data-source="${linearSet.source}"]`).waitFor();
  if (linearSet.source === 'env') check((await linearStatus.innerText()).includes('LINEAR_API_KEY'), 'the page does not say the key comes from the environment');
  await shot(page, 'settings');
  await neverShown(page, GITHUB_KEY, LINEAR_KEY);

  await github.getByRole('button', { name: 'Clear stored token' }).click();
  await github.locator('[data-configured="false"]').waitFor();
  check((await api('/api/server/tracker-keys')).github.configured === false, 'GitHub is still configured after clearing');
  await linear.getByRole('button', { name: 'Clear stored API key' }).click();
  await linear.getByRole('status').filter({ hasText: 'cleared' }).waitFor();
  const linearCleared = (await api('/api/server/tracker-keys')).linear;
  check(linearCleared.configured === (linearSet.source === 'env'), `Linear after clearing: ${JSON.stringify(linearCleared)}`);
  await neverShown(page, GITHUB_KEY, LINEAR_KEY);

  // --- role: secondary and back; each change is the server's
  const wasPrimary = (await api('/api/server/meta')).is_primary;
  try {
    const to = wasPrimary ? 'Secondary' : 'Primary';
    await page.getByRole('radio', { name: to }).check();
    await page.getByRole('button', { name: 'Apply role' }).click();
    await page.locator(`[data-role="${to.toLowerCase()}"]`).waitFor();
    check((await api('/api/server/meta')).is_primary === !wasPrimary, 'the role did not change on the server');
    // Another client changes it back: server_info brings the change to this page without a reload.
    await api('/api/server/role', { method: 'PUT', body: JSON.stringify({ is_primary: wasPrimary }) });
    await page.locator(`[data-role="${wasPrimary ? 'primary' : 'secondary'}"]`).waitFor();
  } finally {
    await api('/api/server/role', { method: 'PUT', body: JSON.stringify({ is_primary: wasPrimary }) });
  }
});

await scenario('settings: revoking the token the browser uses', async (b) => {
  // A token of its own to sign in with, so the suite's token stays live.
  const minted = await api('/api/auth/tokens', { method: 'POST', body: JSON.stringify({ label: 'console-settings-self' }) });
  const context = await b.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await page.goto('/settings');
  await page.getByLabel('API token').fill(minted.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  const row = page.locator(`tr[data-token-id="${minted.id}"]`);
  await row.waitFor();
  check((await row.innerText()).includes('this browser'), 'the token signed in with is not marked');
  await row.getByRole('button', { name: 'Revoke console-settings-self' }).click();
  const confirm = row.getByRole('group', { name: /Confirm revoking/ });
  check((await confirm.innerText()).includes('signs you out'), 'no warning that revoking signs this browser out');
  // Cancel keeps it: nothing was sent.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  check(await statusWith(minted.token) === 200, 'cancelling revoked the token');
  await row.getByRole('button', { name: 'Revoke console-settings-self' }).click();
  await row.getByRole('button', { name: 'Revoke and sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Flightdeck' }).waitFor({ timeout: 30_000 });
  check(await statusWith(minted.token) === 401, 'the token still opens the API');
});
