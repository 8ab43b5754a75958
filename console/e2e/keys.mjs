// The keyboard: arrow keys move a visible focus between the dashboard's cards and Enter opens one;
// "]" and "[" move between sessions from a session's page in the dashboard's order; "g d" goes home.
import { check, scenario, signedIn, until } from './lib.mjs';

const { SESSION_A, SESSION_B } = process.env;

await scenario('keyboard navigation between sessions', async (b) => {
  const { page } = await signedIn(b);
  await page.locator(`[data-session-id="${SESSION_A}"]`).waitFor();
  await page.locator(`[data-session-id="${SESSION_B}"]`).waitFor();
  const order = await page.$$eval('a.card[data-index]', (els) => els
    .sort((x, y) => Number(x.dataset.index) - Number(y.dataset.index)).map((el) => el.dataset.sessionId));
  check(order.length >= 2, `the dashboard shows ${order.length} sessions`);

  await page.locator('[data-index="0"]').focus();
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => ({
    index: document.activeElement?.getAttribute('data-index'),
    outline: getComputedStyle(document.activeElement).outlineStyle,
  }));
  check(focused.index === '1', `ArrowDown focused card ${focused.index}`);
  check(focused.outline !== 'none', 'the focused card shows no focus outline');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/sessions/${order[1]}`);
  await page.getByRole('heading', { level: 1 }).waitFor();

  const url = () => page.url().split('/').pop();
  await page.keyboard.press(']');
  await until('"]" to open the next session', async () => url() === order[2 % order.length]);
  await page.keyboard.press('[');
  await until('"[" to come back', async () => url() === order[1]);
  // Typed into the composer, the same keys are text, not shortcuts.
  await page.locator('#composer-text').fill('');
  await page.locator('#composer-text').press(']');
  check(url() === order[1] && (await page.locator('#composer-text').inputValue()) === ']', 'a "]" typed into the composer moved');
  await page.locator('#composer-text').fill('');
  await page.locator('h1').click();
  await page.keyboard.press('g');
  await page.keyboard.press('d');
  await page.getByRole('heading', { name: 'Active sessions' }).waitFor();
});
