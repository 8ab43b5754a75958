// A Bash request approved on its card: the card appears when the agent asks, Approve answers it,
// and the card goes. With PHONE=1 this runs on a 390-px-wide touch screen.
import { api, check, scenario, shot, signedIn, until } from './lib.mjs';

const id = process.env.SESSION_ID;
const phone = process.env.PHONE === '1';

await scenario(phone ? 'approve on a phone' : 'approve a Bash request', async (b) => {
  const { page } = await signedIn(b, phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  await page.goto(`/sessions/${id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('#composer-text').fill(`RUN_BASH ${process.env.COMMAND}`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const card = page.locator('article.approval');
  await card.waitFor({ timeout: 90_000 });
  check((await card.innerText()).includes(process.env.COMMAND), 'the card does not show the command');
  // The page title carries the count of sessions waiting for a person.
  await until('the title badge', async () => (await page.title()).startsWith('('));
  const approve = card.getByRole('button', { name: 'Approve', exact: true });
  if (phone) {
    const box = await approve.boundingBox();
    check(box && box.x >= 0 && box.x + box.width <= 390, `Approve is off the phone screen: ${JSON.stringify(box)}`);
    check(box.height >= 40, 'Approve is too small to tap');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 390, `the page scrolls sideways on a phone (${width}px)`);
  }
  await shot(page, phone ? 'approval-phone' : 'approval');
  if (phone) await approve.tap(); else await approve.click();
  await card.waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('[data-row-type="tool"].status-completed').first().waitFor({ timeout: 60_000 });
  await until('the turn to end', async () => (await api(`/api/sessions/${id}/detail`)).session.work_status !== 'working');
});
