// Interrupt: a long turn is stopped from the control bar, and the controls follow the server.
import { api, scenario, signedIn, until } from './lib.mjs';

const id = process.env.SESSION_ID;

await scenario('interrupt a running turn', async (b) => {
  const { page } = await signedIn(b);
  await page.goto(`/sessions/${id}`);
  await page.locator('#composer-text').fill('SLOW');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.locator('[data-work-status="working"]').waitFor({ timeout: 60_000 });
  const interrupt = page.getByRole('button', { name: 'Interrupt' });
  await until('Interrupt to be enabled', () => interrupt.isEnabled());
  await interrupt.click();
  await until('the server to leave the turn', async () => (await api(`/api/sessions/${id}/detail`)).session.work_status !== 'working');
  await page.locator('[data-work-status="working"]').waitFor({ state: 'detached', timeout: 30_000 });
  await until('Interrupt to be disabled', async () => !(await interrupt.isEnabled()));
});
