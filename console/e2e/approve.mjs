// A Bash request approved on its card: the card appears when the agent asks, a browser notification
// says so (once permitted, from the header), and "a" on the focused card answers it; the card goes.
// With PHONE=1 this runs on a 390-px-wide touch screen and Approve is tapped.
import { api, check, scenario, shot, signedIn, until } from './lib.mjs';

const id = process.env.SESSION_ID;
const phone = process.env.PHONE === '1';

await scenario(phone ? 'approve on a phone' : 'approve a Bash request', async (b) => {
  const { context, page } = await signedIn(b, phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  if (!phone) {
    // The notification is the browser's own; the page is made to look hidden (a background tab, as
    // when a person is elsewhere) and each one shown is recorded, to check what it says.
    await context.addInitScript(() => {
      const Real = window.Notification;
      window.__shown = [];
      window.Notification = class extends Real {
        constructor(title, options) { super(title, options); window.__shown.push(`${title}: ${options?.body ?? ''}`); }
        static get permission() { return Real.permission; }
        static requestPermission() { return Real.requestPermission(); }
      };
      Object.defineProperty(Document.prototype, 'visibilityState', { get: () => (window.__away ? 'hidden' : 'visible') });
    });
    await page.reload();
    await context.grantPermissions(['notifications']);
    await page.getByRole('button', { name: 'Enable notifications' }).click();
    await page.locator('[data-notifications="on"]').waitFor();
  }
  await page.goto(`/sessions/${id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('#composer-text').fill(`RUN_BASH ${process.env.COMMAND}`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  if (!phone) await page.evaluate(() => { window.__away = true; });
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
  if (phone) {
    await approve.tap();
  } else {
    const shown = await until('a browser notification', () => page.evaluate(() => window.__shown.length > 0 && window.__shown));
    check(shown[0].startsWith('An agent needs you'), `the notification said ${shown[0]}`);
    // The keyboard: "a" on the focused card approves it.
    await card.focus();
    await page.keyboard.press('a');
  }
  await card.waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('[data-row-type="tool"].status-completed').first().waitFor({ timeout: 60_000 });
  await until('the turn to end', async () => (await api(`/api/sessions/${id}/detail`)).session.work_status !== 'working');
});
